package io.teleglas.alertbot.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A user of the alert bot's private chat.
 *
 * @param chatId the private chat
 * @param active false once Telegram said the user blocked the bot (403); set again when the user
 *     writes to the bot
 * @param mutedUntil no direct messages before this time
 * @param deactivatedReason why it was deactivated, while inactive
 */
public record Subscriber(
    long chatId, boolean active, Optional<Instant> mutedUntil, Optional<String> deactivatedReason) {

  public Subscriber {
    requireNonNull(mutedUntil, "mutedUntil is null");
    requireNonNull(deactivatedReason, "deactivatedReason is null");
  }

  /** Whether direct messages go out at {@code now}. */
  public boolean receives(Instant now) {
    return active && mutedUntil.map(until -> !now.isBefore(until)).orElse(true);
  }
}
