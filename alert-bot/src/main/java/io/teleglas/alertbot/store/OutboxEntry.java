package io.teleglas.alertbot.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A stored message that has not been delivered yet.
 *
 * @param id the outbox's id; ids grow in the order messages were added
 * @param message what to deliver (its text may have been replaced by a later edit or a digest)
 * @param attempts failed attempts so far
 * @param notBefore not to be tried before this time
 */
public record OutboxEntry(long id, OutboundMessage message, int attempts, Instant notBefore) {
  public OutboxEntry {
    requireNonNull(message, "message is null");
    requireNonNull(notBefore, "notBefore is null");
  }
}
