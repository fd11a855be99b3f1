package io.teleglas.alertbot.http;

import java.util.Optional;

/**
 * Whether alerts still leave the bot, as {@code /health} sees it. Implemented by the delivery
 * stage; implementations are called from HTTP threads and must be thread-safe and cheap.
 */
public interface DeliveryHealth {
  /** For modes that deliver nothing to Telegram, such as {@code --dry-run}: never stuck. */
  DeliveryHealth NONE =
      new DeliveryHealth() {
        @Override
        public boolean stuck() {
          return false;
        }

        @Override
        public Optional<String> reason() {
          return Optional.empty();
        }

        @Override
        public int backlog() {
          return 0;
        }
      };

  /** True while alerts cannot be delivered, e.g. Telegram keeps failing or the outbox is full. */
  boolean stuck();

  /** Why delivery is stuck, for an operator, when known. */
  Optional<String> reason();

  /** Alerts waiting to be delivered. */
  int backlog();

  /**
   * How long the oldest waiting message has waited; empty when nothing waits or the outbox cannot
   * be read.
   */
  default Optional<java.time.Duration> oldestPendingAge() {
    return Optional.empty();
  }
}
