package io.teleglas.alertbot.stream;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.Trade;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which events were seen, so the same event arriving twice (two connections during a
 * rotation, a venue replaying recent trades after a resubscribe) is passed on once. Thread-safe:
 * several sessions may share one.
 *
 * <p>An event is remembered until its own time plus {@code window}; an event already older than
 * that is {@link Verdict#TOO_OLD}, because it can no longer be told apart from one seen and
 * forgotten (Hyperliquid replays the last trades of a quiet coin, which may be hours old). At most
 * {@code capacity} keys are kept; past that the oldest remembered go first.
 *
 * <p>Keys: a trade by exchange, instrument and the venue's trade id (without an id, by side, time,
 * price and quantity); a liquidation by exchange, instrument, side, time and USD value.
 */
public final class EventDeduplicator {

  /** What {@link #check} found. */
  public enum Verdict {
    NEW,
    DUPLICATE,
    TOO_OLD
  }

  private record Remembered(String key, Instant until) {}

  private final Duration window;
  private final int capacity;
  private final Clock clock;
  private final Map<String, Instant> until = new HashMap<>();
  private final Deque<Remembered> order = new ArrayDeque<>();
  private long duplicates;
  private long tooOld;

  public EventDeduplicator(Duration window, int capacity, Clock clock) {
    requireNonNull(window, "window is null");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be > 0, got " + window);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.window = window;
    this.capacity = capacity;
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Ten minutes and 100 000 keys: minutes of replay at a few hundred events a second. */
  public static EventDeduplicator standard(Clock clock) {
    return new EventDeduplicator(Duration.ofMinutes(10), 100_000, clock);
  }

  /** Whether {@code event} is new; a new event is remembered. */
  public synchronized Verdict check(MarketEvent event) {
    Instant now = clock.instant();
    forgetExpired(now);
    Instant expiry = event.time().plus(window);
    if (!expiry.isAfter(now)) {
      tooOld++;
      return Verdict.TOO_OLD;
    }
    String key = key(event);
    Instant seen = until.get(key);
    if (seen != null && seen.isAfter(now)) {
      duplicates++;
      return Verdict.DUPLICATE;
    }
    until.put(key, expiry);
    order.addLast(new Remembered(key, expiry));
    forgetExpired(now);
    return Verdict.NEW;
  }

  /**
   * A sink that passes only {@link Verdict#NEW} events on to {@code downstream}; the others are
   * taken and dropped (counted here, not as refusals).
   */
  public EventSink filter(EventSink downstream) {
    requireNonNull(downstream, "downstream is null");
    return (source, event) -> check(event) != Verdict.NEW || downstream.offer(source, event);
  }

  /** Events dropped as already seen. */
  public synchronized long duplicates() {
    return duplicates;
  }

  /** Events dropped as older than the window. */
  public synchronized long tooOld() {
    return tooOld;
  }

  /** How many keys are remembered now. */
  public synchronized int size() {
    return until.size();
  }

  static String key(MarketEvent event) {
    String venue = event.exchange().name();
    if (event instanceof Trade t) {
      return t.tradeId().isEmpty()
          ? "T|"
              + venue
              + "|"
              + t.instrument()
              + "|"
              + t.side()
              + "|"
              + t.time()
              + "|"
              + t.price()
              + "|"
              + t.quantity()
          // Hyperliquid's tid is unique only together with time and coin, so time is always part.
          : "T|" + venue + "|" + t.instrument() + "|" + t.tradeId() + "|" + t.time().toEpochMilli();
    }
    Liquidation l = (Liquidation) event;
    return "L|"
        + venue
        + "|"
        + l.instrument()
        + "|"
        + l.side()
        + "|"
        + l.time()
        + "|"
        + l.usdValue();
  }

  private void forgetExpired(Instant now) {
    while (!order.isEmpty()
        && (order.size() > capacity || !order.peekFirst().until().isAfter(now))) {
      Remembered gone = order.removeFirst();
      until.remove(gone.key(), gone.until());
    }
  }
}
