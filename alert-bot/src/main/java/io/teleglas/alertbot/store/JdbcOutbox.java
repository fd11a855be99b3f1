package io.teleglas.alertbot.store;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.telegram.ChatId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The {@link Outbox} in the {@code outbox}, {@code group_messages} and {@code outbox_totals} tables
 * of a {@link Database}. Every method is one transaction. Thread-safe.
 *
 * <p>Entries are kept after they are finished (delivered, failed, merged) for inspection until
 * {@link #purgeDelivered(Instant)} removes them; the totals in {@link #stats()} survive the purge.
 *
 * <p>A text replaced while its entry is in flight is not lost: {@link #due} records which revision
 * of the text it handed out, and {@link #markDelivered} of an entry whose text changed since adds a
 * follow-up entry carrying the newer text (an EDIT of the group's message, or a SEND without a
 * group). The delivery worker must therefore deliver what {@code due} returned.
 */
public final class JdbcOutbox implements Outbox {

  private static final int MAX_REASON_LENGTH = 500;
  private static final String ENTRY_COLUMNS =
      "id, chat_id, kind, group_key, html, summary, created_at, attempts, not_before";

  private final Database db;
  private final String forUpdate;

  public JdbcOutbox(Database db) {
    this.db = requireNonNull(db, "db is null");
    this.forUpdate = db.vendor().forUpdate();
  }

  @Override
  public long add(OutboundMessage message) {
    requireNonNull(message, "message is null");
    return db.inTransaction(
        c -> {
          if (message.dedupKey().isPresent()) {
            OptionalLong known = byDedupKey(c, message.dedupKey().get());
            if (known.isPresent()) {
              return known.getAsLong();
            }
          }
          if (message.kind() == MessageKind.EDIT) {
            OptionalLong pending = pendingOfGroup(c, message.chat(), message.groupKey().get());
            if (pending.isPresent() && replaceText(c, pending.getAsLong(), message)) {
              return pending.getAsLong();
            }
          }
          return insert(c, message, message.kind(), message.createdAt());
        });
  }

  private static OptionalLong byDedupKey(Connection c, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM outbox WHERE dedup_key = ?")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  private OptionalLong pendingOfGroup(Connection c, ChatId chat, String groupKey)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id FROM outbox WHERE state = 'PENDING' AND chat_id = ? AND group_key = ?"
                + " ORDER BY id DESC LIMIT 1"
                + forUpdate)) {
      s.setString(1, chat.value());
      s.setString(2, groupKey);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /** Gives a pending entry new text, keeping its kind, place and age; false if not pending. */
  private static boolean replaceText(Connection c, long id, OutboundMessage message)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET html = ?, summary = ?, group_key = ?, revision = revision + 1"
                + " WHERE id = ? AND state = 'PENDING'")) {
      s.setString(1, message.html());
      s.setString(2, message.summary());
      s.setString(3, message.groupKey().orElse(null));
      s.setLong(4, id);
      return s.executeUpdate() == 1;
    }
  }

  private static long insert(
      Connection c, OutboundMessage message, MessageKind kind, Instant notBefore)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO outbox (chat_id, kind, group_key, html, summary, created_at, not_before,"
                + " dedup_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      s.setString(1, message.chat().value());
      s.setString(2, kind.name());
      s.setString(3, message.groupKey().orElse(null));
      s.setString(4, message.html());
      s.setString(5, message.summary());
      s.setLong(6, message.createdAt().toEpochMilli());
      s.setLong(7, notBefore.toEpochMilli());
      s.setString(8, message.dedupKey().orElse(null));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Override
  public List<OutboxEntry> due(Instant now, int limit) {
    requireNonNull(now, "now is null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    return db.inTransaction(
        c -> {
          List<OutboxEntry> due;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT "
                      + ENTRY_COLUMNS
                      + " FROM outbox WHERE state = 'PENDING' AND not_before <= ?"
                      + " ORDER BY id LIMIT ?")) {
            s.setLong(1, now.toEpochMilli());
            s.setInt(2, limit);
            due = entries(s);
          }
          try (PreparedStatement s =
              c.prepareStatement("UPDATE outbox SET handed_revision = revision WHERE id = ?")) {
            for (OutboxEntry entry : due) {
              s.setLong(1, entry.id());
              s.addBatch();
            }
            s.executeBatch();
          }
          return due;
        });
  }

  @Override
  public List<OutboxEntry> pending(ChatId chat) {
    requireNonNull(chat, "chat is null");
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT "
                      + ENTRY_COLUMNS
                      + " FROM outbox WHERE state = 'PENDING' AND chat_id = ? ORDER BY id")) {
            s.setString(1, chat.value());
            return entries(s);
          }
        });
  }

  private static List<OutboxEntry> entries(PreparedStatement s) throws SQLException {
    List<OutboxEntry> entries = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        OutboundMessage message =
            new OutboundMessage(
                new ChatId(r.getString("chat_id")),
                MessageKind.valueOf(r.getString("kind")),
                Optional.ofNullable(r.getString("group_key")),
                r.getString("html"),
                r.getString("summary"),
                Instant.ofEpochMilli(r.getLong("created_at")));
        entries.add(
            new OutboxEntry(
                r.getLong("id"),
                message,
                r.getInt("attempts"),
                Instant.ofEpochMilli(r.getLong("not_before"))));
      }
    }
    return entries;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Repeating it is harmless. On an entry merged into a digest while it was in flight only the
   * group's message is recorded: Telegram did accept it.
   *
   * @throws IllegalArgumentException when there is no entry {@code id}
   */
  @Override
  public void markDelivered(long id, OptionalInt messageId, Instant at) {
    requireNonNull(messageId, "messageId is null");
    requireNonNull(at, "at is null");
    db.inTransaction(
        c -> {
          StoredEntry entry = StoredEntry.read(c, id, forUpdate);
          if (entry.groupKey().isPresent() && messageId.isPresent()) {
            rememberGroupMessage(c, entry, messageId.getAsInt(), at);
          }
          if (!entry.pending()) {
            return null;
          }
          finish(c, id, "DELIVERED", at, null);
          try (PreparedStatement s =
              c.prepareStatement("UPDATE outbox SET message_id = ? WHERE id = ?")) {
            if (messageId.isPresent()) {
              s.setLong(1, messageId.getAsInt());
            } else {
              s.setNull(1, java.sql.Types.BIGINT);
            }
            s.setLong(2, id);
            s.executeUpdate();
          }
          count(c, "delivered", 1);
          if (entry.replacedInFlight()) {
            MessageKind kind = entry.groupKey().isPresent() ? MessageKind.EDIT : MessageKind.SEND;
            insert(c, entry.message(kind), kind, at);
          }
          return null;
        });
  }

  private static void rememberGroupMessage(
      Connection c, StoredEntry entry, int messageId, Instant at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO group_messages (chat_id, group_key, message_id, updated_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (chat_id, group_key)"
                + " DO UPDATE SET message_id = excluded.message_id,"
                + " updated_at = excluded.updated_at")) {
      s.setString(1, entry.chat());
      s.setString(2, entry.groupKey().get());
      s.setLong(3, messageId);
      s.setLong(4, at.toEpochMilli());
      s.executeUpdate();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>No effect on an entry that is no longer pending (merged into a digest while in flight).
   *
   * @throws IllegalArgumentException when there is no entry {@code id}
   */
  @Override
  public void retryLater(long id, Instant notBefore, String reason) {
    requireNonNull(notBefore, "notBefore is null");
    requireNonNull(reason, "reason is null");
    db.inTransaction(
        c -> {
          if (!StoredEntry.read(c, id, forUpdate).pending()) {
            return null;
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ?"
                      + " WHERE id = ?")) {
            s.setLong(1, notBefore.toEpochMilli());
            s.setString(2, clip(reason));
            s.setLong(3, id);
            s.executeUpdate();
          }
          return null;
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>No effect on an entry that is no longer pending.
   *
   * @throws IllegalArgumentException when there is no entry {@code id}
   */
  @Override
  public void markFailed(long id, String reason, Instant at) {
    requireNonNull(reason, "reason is null");
    requireNonNull(at, "at is null");
    db.inTransaction(
        c -> {
          if (StoredEntry.read(c, id, forUpdate).pending()) {
            finish(c, id, "FAILED", at, clip(reason));
            count(c, "failed", 1);
          }
          return null;
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>The digest's group key replaces the oldest entry's, so later edits of that entry's group do
   * not overwrite the digest.
   *
   * @throws IllegalArgumentException when {@code ids} is empty, or an id is not a pending SEND of
   *     the digest's chat; nothing is changed then
   */
  @Override
  public long mergeIntoDigest(List<Long> ids, OutboundMessage digest) {
    requireNonNull(ids, "ids is null");
    requireNonNull(digest, "digest is null");
    TreeSet<Long> sorted = new TreeSet<>(ids);
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("no entries to merge");
    }
    if (digest.kind() != MessageKind.SEND) {
      throw new IllegalArgumentException("a digest is a SEND, got " + digest.kind());
    }
    return db.inTransaction(
        c -> {
          List<Long> unfit = new ArrayList<>();
          for (long id : sorted) {
            Optional<StoredEntry> entry = StoredEntry.find(c, id, forUpdate);
            if (entry.isEmpty()
                || !entry.get().pending()
                || entry.get().kind() != MessageKind.SEND
                || !entry.get().chat().equals(digest.chat().value())) {
              unfit.add(id);
            }
          }
          if (!unfit.isEmpty()) {
            throw new IllegalArgumentException(
                "not pending SEND entries of chat " + digest.chat() + ": " + unfit);
          }
          long oldest = sorted.first();
          replaceText(c, oldest, digest);
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'MERGED', merged_into = ?, finished_at = ?"
                      + " WHERE id = ?")) {
            for (long id : sorted.tailSet(oldest, false)) {
              s.setLong(1, oldest);
              s.setLong(2, digest.createdAt().toEpochMilli());
              s.setLong(3, id);
              s.addBatch();
            }
            s.executeBatch();
          }
          count(c, "merged", sorted.size() - 1);
          return oldest;
        });
  }

  @Override
  public Optional<Integer> groupMessage(ChatId chat, String groupKey) {
    requireNonNull(chat, "chat is null");
    requireNonNull(groupKey, "groupKey is null");
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT message_id FROM group_messages WHERE chat_id = ? AND group_key = ?")) {
            s.setString(1, chat.value());
            s.setString(2, groupKey);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of((int) r.getLong(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public OutboxStats stats() {
    return db.inTransaction(
        c -> {
          long pending;
          Optional<Instant> oldest;
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE state = 'PENDING'");
              ResultSet r = s.executeQuery()) {
            r.next();
            pending = r.getLong(1);
            long min = r.getLong(2);
            oldest = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(min));
          }
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT delivered, failed, merged FROM outbox_totals WHERE id = 1");
              ResultSet r = s.executeQuery()) {
            r.next();
            return new OutboxStats(pending, oldest, r.getLong(1), r.getLong(2), r.getLong(3));
          }
        });
  }

  /**
   * Deletes entries delivered, failed or merged before {@code olderThan}, and the group messages
   * last recorded before it (an edit of such a group arriving later is sent as a new message).
   * Pending entries are never deleted; the totals of {@link #stats()} are kept.
   *
   * @return how many entries were deleted
   */
  public int purgeDelivered(Instant olderThan) {
    requireNonNull(olderThan, "olderThan is null");
    return db.inTransaction(
        c -> {
          try (PreparedStatement groups =
              c.prepareStatement("DELETE FROM group_messages WHERE updated_at < ?")) {
            groups.setLong(1, olderThan.toEpochMilli());
            groups.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM outbox WHERE state <> 'PENDING' AND finished_at < ?")) {
            s.setLong(1, olderThan.toEpochMilli());
            return s.executeUpdate();
          }
        });
  }

  private static void finish(Connection c, long id, String state, Instant at, String error)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET state = ?, finished_at = ?,"
                + " last_error = COALESCE(?, last_error) WHERE id = ?")) {
      s.setString(1, state);
      s.setLong(2, at.toEpochMilli());
      s.setString(3, error);
      s.setLong(4, id);
      s.executeUpdate();
    }
  }

  private static void count(Connection c, String total, int by) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox_totals SET " + total + " = " + total + " + ? WHERE id = 1")) {
      s.setInt(1, by);
      s.executeUpdate();
    }
  }

  private static String clip(String reason) {
    return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
  }
}
