package io.teleglas.alertbot.store;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.market.Coin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@link Subscriptions} in the {@code subscribers} and {@code subscriptions} tables of a {@link
 * Database}. Every method is one transaction. Thread-safe.
 *
 * <p>{@link #version()} lives in memory: it starts at 0 with the process and only readers in the
 * same process use it. It moves after the change is committed, so a reader that sees the new
 * version also sees the change.
 */
public final class JdbcSubscriptions implements Subscriptions {

  private static final String COLUMNS = "chat_id, coin, topics, min_usd, created_at";

  private final Database db;
  private final Clock clock;
  private final String forUpdate;
  private final AtomicLong version = new AtomicLong();

  /**
   * @param clock dates a subscriber created by {@link #mute}, the one change that carries no time
   */
  public JdbcSubscriptions(Database db, Clock clock) {
    this.db = requireNonNull(db, "db is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.forUpdate = db.vendor().forUpdate();
  }

  @Override
  public boolean put(Subscription subscription) {
    requireNonNull(subscription, "subscription is null");
    long chatId = subscription.chatId();
    boolean stored =
        db.inTransaction(
            c -> {
              update(
                  c,
                  "INSERT INTO subscribers (chat_id, active, created_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (chat_id) DO NOTHING",
                  chatId,
                  true,
                  subscription.createdAt().toEpochMilli());
              lockSubscriber(c, chatId);
              if (othersHeld(c, chatId, subscription.coin()) >= MAX_PER_USER) {
                return false;
              }
              upsert(c, subscription);
              return true;
            });
    if (stored) {
      version.incrementAndGet();
    }
    return stored;
  }

  /** Serializes concurrent changes of one user's subscriptions, so the limit holds. */
  private void lockSubscriber(Connection c, long chatId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT chat_id FROM subscribers WHERE chat_id = ?" + forUpdate)) {
      s.setLong(1, chatId);
      s.executeQuery().close();
    }
  }

  private static long othersHeld(Connection c, long chatId, Coin coin) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT COUNT(*) FROM subscriptions WHERE chat_id = ? AND coin <> ?")) {
      s.setLong(1, chatId);
      s.setString(2, coin.symbol());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static void upsert(Connection c, Subscription subscription) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO subscriptions ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (chat_id, coin) DO UPDATE SET topics = excluded.topics,"
                + " min_usd = excluded.min_usd, created_at = excluded.created_at")) {
      s.setLong(1, subscription.chatId());
      s.setString(2, subscription.coin().symbol());
      s.setString(3, TopicCodec.encode(subscription.topics()));
      if (subscription.minUsd().isPresent()) {
        s.setDouble(4, subscription.minUsd().getAsDouble());
      } else {
        s.setNull(4, Types.DOUBLE);
      }
      s.setLong(5, subscription.createdAt().toEpochMilli());
      s.executeUpdate();
    }
  }

  @Override
  public boolean remove(long chatId, Coin coin) {
    requireNonNull(coin, "coin is null");
    return changed(
        db.inTransaction(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement("DELETE FROM subscriptions WHERE chat_id = ? AND coin = ?")) {
                s.setLong(1, chatId);
                s.setString(2, coin.symbol());
                return s.executeUpdate();
              }
            }));
  }

  @Override
  public List<Subscription> of(long chatId) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM subscriptions WHERE chat_id = ? ORDER BY coin")) {
            s.setLong(1, chatId);
            return subscriptions(s);
          }
        });
  }

  @Override
  public List<Subscription> allActive() {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT s.chat_id, s.coin, s.topics, s.min_usd, s.created_at"
                      + " FROM subscriptions s JOIN subscribers u ON u.chat_id = s.chat_id"
                      + " WHERE u.active = ? ORDER BY s.chat_id, s.coin")) {
            s.setBoolean(1, true);
            return subscriptions(s);
          }
        });
  }

  private static List<Subscription> subscriptions(PreparedStatement s) throws SQLException {
    List<Subscription> found = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        double minUsd = r.getDouble("min_usd");
        OptionalDouble min = r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(minUsd);
        found.add(
            new Subscription(
                r.getLong("chat_id"),
                new Coin(r.getString("coin")),
                TopicCodec.decode(r.getString("topics")),
                min,
                Instant.ofEpochMilli(r.getLong("created_at"))));
      }
    }
    return found;
  }

  @Override
  public Optional<Subscriber> subscriber(long chatId) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT active, muted_until, deactivated_reason FROM subscribers"
                      + " WHERE chat_id = ?")) {
            s.setLong(1, chatId);
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.empty();
              }
              boolean active = r.getBoolean("active");
              long muted = r.getLong("muted_until");
              Optional<Instant> mutedUntil =
                  r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(muted));
              return Optional.of(
                  new Subscriber(
                      chatId,
                      active,
                      mutedUntil,
                      Optional.ofNullable(r.getString("deactivated_reason"))));
            }
          }
        });
  }

  /** {@inheritDoc} Registers the user, active, if new. */
  @Override
  public void mute(long chatId, Instant until) {
    requireNonNull(until, "until is null");
    changed(
        db.inTransaction(
            c ->
                update(
                    c,
                    "INSERT INTO subscribers (chat_id, active, muted_until, created_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (chat_id)"
                        + " DO UPDATE SET muted_until = excluded.muted_until",
                    chatId,
                    true,
                    until.toEpochMilli(),
                    clock.millis())));
  }

  @Override
  public void unmute(long chatId) {
    changed(
        db.inTransaction(
            c ->
                update(
                    c,
                    "UPDATE subscribers SET muted_until = NULL"
                        + " WHERE chat_id = ? AND muted_until IS NOT NULL",
                    chatId)));
  }

  /** {@inheritDoc} Registers the user, inactive, if new. */
  @Override
  public void deactivate(long chatId, String reason, Instant at) {
    requireNonNull(reason, "reason is null");
    requireNonNull(at, "at is null");
    changed(
        db.inTransaction(
            c ->
                update(
                    c,
                    "INSERT INTO subscribers"
                        + " (chat_id, active, deactivated_reason, deactivated_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET"
                        + " active = excluded.active,"
                        + " deactivated_reason = excluded.deactivated_reason,"
                        + " deactivated_at = excluded.deactivated_at",
                    chatId,
                    false,
                    reason,
                    at.toEpochMilli(),
                    at.toEpochMilli())));
  }

  @Override
  public void activate(long chatId, Instant at) {
    requireNonNull(at, "at is null");
    changed(
        db.inTransaction(
            c ->
                update(
                    c,
                    "INSERT INTO subscribers (chat_id, active, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (chat_id) DO UPDATE SET active = excluded.active,"
                        + " deactivated_reason = NULL, deactivated_at = NULL",
                    chatId,
                    true,
                    at.toEpochMilli())));
  }

  @Override
  public long version() {
    return version.get();
  }

  /**
   * Moves {@link #version()} without a change of ours: another instance sharing the database (a
   * leader, while this one stands by) may have changed the tables, so readers load them again.
   */
  public void changedElsewhere() {
    version.incrementAndGet();
  }

  private boolean changed(int rows) {
    if (rows > 0) {
      version.incrementAndGet();
    }
    return rows > 0;
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    }
  }

  /** Topics as stored: their words in declaration order, comma-separated ({@code liq,whale}). */
  static final class TopicCodec {
    private TopicCodec() {}

    static String encode(Set<Topic> topics) {
      return EnumSet.copyOf(topics).stream().map(Topic::word).collect(Collectors.joining(","));
    }

    static Set<Topic> decode(String stored) {
      EnumSet<Topic> topics = EnumSet.noneOf(Topic.class);
      for (String word : stored.split(",", -1)) {
        topics.addAll(
            Topic.parse(word)
                .filter(parsed -> parsed.size() == 1)
                .orElseThrow(
                    () -> new IllegalStateException("unknown topic '" + word + "' in the store")));
      }
      return topics;
    }
  }
}
