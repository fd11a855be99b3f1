package io.teleglas.alertbot.source;

import io.teleglas.core.market.Liquidation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Recognises the same liquidation reported by two sources (CoinGlass relays the exchanges' own
 * liquidations, with its own timestamp and USD rounding): same exchange, coin and side, event times
 * within {@link #TIME_TOLERANCE} and USD values within {@link #USD_TOLERANCE}. Memory is bounded by
 * event time. Not thread-safe: used by the one thread that gates events.
 */
final class LiquidationMatcher {
  static final Duration TIME_TOLERANCE = Duration.ofSeconds(2);
  static final double USD_TOLERANCE = 0.02;
  private static final Duration MEMORY = Duration.ofMinutes(2);

  private record Seen(String source, Liquidation liquidation) {}

  private final Deque<Seen> recent = new ArrayDeque<>();

  /** True when another source already reported this liquidation; otherwise remembers it. */
  boolean seenElsewhere(String source, Liquidation l) {
    forgetBefore(l.time().minus(MEMORY));
    for (Seen s : recent) {
      if (!s.source().equals(source) && same(s.liquidation(), l)) {
        return true;
      }
    }
    recent.addLast(new Seen(source, l));
    return false;
  }

  private static boolean same(Liquidation a, Liquidation b) {
    return a.exchange().equals(b.exchange())
        && a.coin().equals(b.coin())
        && a.side() == b.side()
        && Duration.between(a.time(), b.time()).abs().compareTo(TIME_TOLERANCE) <= 0
        && Math.abs(a.usdValue() - b.usdValue())
            <= USD_TOLERANCE * Math.max(a.usdValue(), b.usdValue());
  }

  private void forgetBefore(Instant oldest) {
    Iterator<Seen> it = recent.iterator();
    while (it.hasNext()) {
      if (it.next().liquidation().time().isBefore(oldest)) {
        it.remove();
      }
    }
  }
}
