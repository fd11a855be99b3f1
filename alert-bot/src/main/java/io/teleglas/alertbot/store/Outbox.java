package io.teleglas.alertbot.store;

import io.teleglas.core.telegram.ChatId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The durable queue between the alert engine and Telegram: a message is stored before any attempt
 * to send it and marked once Telegram accepted it, so pending messages survive a crash or restart
 * and are delivered then (at least once; see docs/RATIONALE.md for the one narrow window).
 *
 * <p>Every method is atomic and durable when it returns. Thread-safe: the engine adds, the delivery
 * worker reads and marks, the chat handler and endpoints read stats.
 */
public interface Outbox {

  /**
   * Stores a message. An {@link MessageKind#EDIT} whose group already has a pending entry in the
   * same chat (the group's first SEND or an earlier EDIT) replaces that entry's text instead of
   * adding a new entry, so a storm that grows while Telegram is slow costs one request, not one per
   * update. A message with a {@link OutboundMessage#dedupKey() dedup key} the outbox already holds,
   * in any state, is not stored again: this is how a standby that takes over adds what it decided
   * while the old leader was dying without repeating what that leader stored.
   *
   * @return the id of the entry that now carries the text (for a known dedup key, the entry that
   *     already had it)
   */
  long add(OutboundMessage message);

  /**
   * Pending entries whose {@code notBefore} is not after {@code now}, oldest first, at most {@code
   * limit}.
   */
  List<OutboxEntry> due(Instant now, int limit);

  /** Every pending entry of one chat, oldest first, due or not. */
  List<OutboxEntry> pending(ChatId chat);

  /**
   * Telegram accepted the entry. For a SEND (or an EDIT sent as a new message) with a group key,
   * {@code messageId} becomes the group's message in that chat, which later EDITs change.
   */
  void markDelivered(long id, OptionalInt messageId, Instant at);

  /** The attempt failed in a way worth retrying: counts the attempt and defers the entry. */
  void retryLater(long id, Instant notBefore, String reason);

  /** Telegram refused the entry for good (bad request, chat gone): it is not tried again. */
  void markFailed(long id, String reason, Instant at);

  /**
   * Merges pending entries of one chat into one digest, atomically: the oldest of {@code ids} takes
   * the digest's text and keeps its place in the order, the others are marked merged into it. All
   * ids must be pending SEND entries of the digest's chat.
   *
   * @return the id of the entry that carries the digest
   */
  long mergeIntoDigest(List<Long> ids, OutboundMessage digest);

  /** The Telegram message a group was delivered as in a chat, if it was. */
  Optional<Integer> groupMessage(ChatId chat, String groupKey);

  OutboxStats stats();
}
