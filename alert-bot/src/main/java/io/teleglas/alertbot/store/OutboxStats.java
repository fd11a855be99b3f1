package io.teleglas.alertbot.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The outbox at a glance, for health, metrics and backlog notices.
 *
 * @param pending entries not yet delivered
 * @param oldestPending when the oldest pending entry was added
 * @param delivered entries delivered since the store was created
 * @param failed entries given up on (Telegram refused them for good)
 * @param merged entries merged into a digest
 */
public record OutboxStats(
    long pending, Optional<Instant> oldestPending, long delivered, long failed, long merged) {}
