package io.teleglas.alertbot.delivery;

import io.teleglas.alertbot.store.OutboxEntry;
import io.teleglas.core.telegram.ChatId;
import java.time.Duration;

/**
 * What the application hears from delivery, e.g. to deactivate a subscriber who blocked the bot or
 * tell the admin chat that the channel is gone. Called on the delivery thread: implementations must
 * return quickly and must not call back into delivery synchronously; an exception is logged and
 * ignored.
 */
public interface DeliveryListener {

  /** Ignores everything. */
  DeliveryListener NONE = new DeliveryListener() {};

  /** Telegram accepted the entry, {@code latency} after its alert was made. */
  default void delivered(OutboxEntry entry, Duration latency) {}

  /**
   * Telegram refuses every message to {@code chat} (403 blocked, kicked or deactivated; 400 chat
   * not found, no rights, migrated): its waiting entries were given up. Called once per refusal.
   */
  default void chatUnreachable(ChatId chat, String reason) {}

  /** The entry was marked failed and will not be tried again. */
  default void gaveUp(OutboxEntry entry, String reason) {}
}
