package io.teleglas.alertbot.stream;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
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
 * {@code capacity} keys are kept of each of two kinds, trades with a plain numeric id ({@link
 * NumericTradeIds}, nearly every event, held without objects) and every other key; past that the
 * oldest remembered of that kind go first.
 *
 * <p>Keys: a trade by exchange, instrument and the venue's trade id (without an id, by side, time,
 * price and quantity); a liquidation by exchange, instrument, side, time and USD value. Keys are
 * small records over the event's own fields (no text is built per event) and expiries are kept as
 * epoch nanoseconds: at 100 000 keys this state is a large share of a 64 MB heap, and a flood
 * replaces it continuously.
 */
public final class EventDeduplicator {

  /** What {@link #check} found. */
  public enum Verdict {
    NEW,
    DUPLICATE,
    TOO_OLD
  }

  /** A key and when it is forgotten, in epoch nanoseconds; the same instance in map and queue. */
  private record Remembered(Object key, long untilNanos) {}

  /** A trade with the venue's id; time too, since Hyperliquid's tid is unique only with it. */
  private record TradeById(Exchange venue, String instrument, String tradeId, long millis) {}

  private record TradeByContent(
      Exchange venue,
      String instrument,
      TakerSide side,
      Instant time,
      double price,
      double quantity) {}

  private record LiquidationKey(
      Exchange venue, String instrument, PositionSide side, Instant time, double usdValue) {}

  private final long windowNanos;
  private final int capacity;
  private final Clock clock;
  private final Map<Object, Remembered> remembered = new HashMap<>();
  private final Deque<Remembered> order = new ArrayDeque<>();
  private final NumericTradeIds numericTrades;
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
    this.windowNanos = nanos(window);
    this.capacity = capacity;
    this.numericTrades = new NumericTradeIds(capacity);
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Ten minutes and 100 000 keys: minutes of replay at a few hundred events a second. */
  public static EventDeduplicator standard(Clock clock) {
    return new EventDeduplicator(Duration.ofMinutes(10), 100_000, clock);
  }

  /** Whether {@code event} is new; a new event is remembered. */
  public synchronized Verdict check(MarketEvent event) {
    long now = epochNanos(clock.instant());
    forgetExpired(now);
    numericTrades.forgetExpired(now, capacity);
    long expiry = saturatedAdd(epochNanos(event.time()), windowNanos);
    if (expiry <= now) {
      tooOld++;
      return Verdict.TOO_OLD;
    }
    if (event instanceof Trade t) {
      Verdict numeric = checkNumeric(t, now, expiry);
      if (numeric != null) {
        return numeric;
      }
    }
    Object key = key(event);
    Remembered seen = remembered.get(key);
    if (seen != null && seen.untilNanos() > now) {
      duplicates++;
      return Verdict.DUPLICATE;
    }
    Remembered entry = new Remembered(key, expiry);
    remembered.put(key, entry);
    order.addLast(entry);
    forgetExpired(now);
    return Verdict.NEW;
  }

  /** NEW or DUPLICATE for a trade with a plain numeric id; null for any other trade. */
  private Verdict checkNumeric(Trade t, long now, long expiry) {
    long id = NumericTradeIds.parseId(t.tradeId());
    int instrument = id < 0 ? -1 : numericTrades.code(t.exchange(), t.instrument());
    if (instrument < 0) {
      return null;
    }
    long tradeMillis = t.time().toEpochMilli();
    if (numericTrades.seen(instrument, id, tradeMillis, now)) {
      duplicates++;
      return Verdict.DUPLICATE;
    }
    numericTrades.remember(instrument, id, tradeMillis, expiry, now);
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
    return remembered.size() + numericTrades.keys();
  }

  /** Equal for two events that are the same event by the rules in the class comment. */
  static Object key(MarketEvent event) {
    if (event instanceof Trade t) {
      return t.tradeId().isEmpty()
          ? new TradeByContent(
              t.exchange(), t.instrument(), t.side(), t.time(), t.price(), t.quantity())
          : new TradeById(t.exchange(), t.instrument(), t.tradeId(), t.time().toEpochMilli());
    }
    Liquidation l = (Liquidation) event;
    return new LiquidationKey(l.exchange(), l.instrument(), l.side(), l.time(), l.usdValue());
  }

  private void forgetExpired(long now) {
    while (!order.isEmpty() && (order.size() > capacity || order.peekFirst().untilNanos() <= now)) {
      Remembered gone = order.removeFirst();
      remembered.remove(gone.key(), gone);
    }
  }

  /** Nanoseconds since the epoch, saturated at the ends of {@code long} (years 1677 and 2262). */
  private static long epochNanos(Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
      return Long.MIN_VALUE;
    }
    return seconds * 1_000_000_000L + t.getNano();
  }

  private static long nanos(Duration d) {
    return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? (a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : sum;
  }
}
