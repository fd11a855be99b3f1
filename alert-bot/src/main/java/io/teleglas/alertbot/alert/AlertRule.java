package io.teleglas.alertbot.alert;

import io.teleglas.alertbot.market.MarketReading;
import io.teleglas.core.market.MarketEvent;
import java.time.Instant;
import java.util.List;

/**
 * One alert rule: events in, alerts out. Cooldown, de-duplication and inhibition are engine stages,
 * not the rule's business.
 *
 * <p>Threading: the engine calls a rule only from its single engine thread, so a rule keeps plain,
 * unsynchronized state. Time is event time: a rule never reads a clock.
 */
public interface AlertRule {

  /** A short stable name, used in group keys, metrics and logs, such as {@code whale-trade}. */
  String name();

  /**
   * The alerts this event triggers, in order; empty when none (always, for a rule about readings).
   */
  default List<Alert> onEvent(MarketEvent event) {
    return List.of();
  }

  /**
   * The alerts due because time has reached {@code now} (windows that close when nothing happens).
   * The engine calls it with a time that never goes backwards, before each event and when idle.
   */
  default List<Alert> onTime(Instant now) {
    return List.of();
  }

  /**
   * The alerts a polled reading (funding, open interest) triggers; empty when none. Readings carry
   * their own (wall-clock) time and do not move the engine's event time.
   */
  default List<Alert> onReading(MarketReading reading) {
    return List.of();
  }
}
