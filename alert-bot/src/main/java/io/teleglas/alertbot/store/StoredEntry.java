package io.teleglas.alertbot.store;

import io.teleglas.core.telegram.ChatId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * One {@code outbox} row as {@link JdbcOutbox} needs it to decide a state change, read inside the
 * changing transaction.
 *
 * @param revision how many times the text was replaced
 * @param handedRevision the revision {@link JdbcOutbox#due} last handed out
 */
record StoredEntry(
    long id,
    String chat,
    MessageKind kind,
    Optional<String> groupKey,
    String html,
    String summary,
    Instant createdAt,
    String state,
    int revision,
    int handedRevision) {

  boolean pending() {
    return state.equals("PENDING");
  }

  /** Whether the text changed after it was handed out for delivery. */
  boolean replacedInFlight() {
    return revision != handedRevision;
  }

  /** The stored text as a message of the given kind. */
  OutboundMessage message(MessageKind as) {
    return new OutboundMessage(new ChatId(chat), as, groupKey, html, summary, createdAt);
  }

  static Optional<StoredEntry> find(Connection c, long id, String forUpdate) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT chat_id, kind, group_key, html, summary, created_at, state, revision,"
                + " handed_revision FROM outbox WHERE id = ?"
                + forUpdate)) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredEntry(
                id,
                r.getString("chat_id"),
                MessageKind.valueOf(r.getString("kind")),
                Optional.ofNullable(r.getString("group_key")),
                r.getString("html"),
                r.getString("summary"),
                Instant.ofEpochMilli(r.getLong("created_at")),
                r.getString("state"),
                r.getInt("revision"),
                r.getInt("handed_revision")));
      }
    }
  }

  /**
   * @throws IllegalArgumentException when there is no such entry: ids come from the outbox, so this
   *     is a caller's bug (or an entry purged while still in use)
   */
  static StoredEntry read(Connection c, long id, String forUpdate) throws SQLException {
    return find(c, id, forUpdate)
        .orElseThrow(() -> new IllegalArgumentException("no outbox entry " + id));
  }
}
