package io.teleglas.bench.replay;

import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Venue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the replays. Background traffic is Binance aggregate trades of BTC and ETH worth about
 * $100 each, far below every rule; alerts come only from liquidation frames placed on purpose:
 *
 * <ul>
 *   <li>single liquidations of $150K on "others"-tier coins (threshold $100K), each on its own coin
 *       and side so that no cooldown, storm or market cascade can touch them;
 *   <li>one storm: 40 liquidations of $100K on SOL longs, 25 ms apart (a major: $2M and 3 orders
 *       make a storm).
 * </ul>
 *
 * Not thread-safe; trade ids are unique across the plans of one instance.
 */
final class Plans {
  /** Coins in the "others" tier with a plain {@code <COIN>USDT} perpetual in the catalog. */
  private static final List<String> OTHERS =
      Stream.of(
              "LINK", "LTC", "ARB", "OP", "APT", "SUI", "NEAR", "ATOM", "FIL", "INJ", "TIA", "UNI",
              "AAVE", "ETC", "TRX", "BCH", "HBAR", "ICP", "SEI", "TON", "ENA", "ONDO", "WLD",
              "ALGO")
          .filter(c -> InstrumentCatalog.bundled().byName(Venue.BINANCE, c + "USDT").isPresent())
          .toList();

  private long tradeId = 1;

  /** The "others" coins available for single-liquidation markers. */
  static List<String> markerCoins() {
    return OTHERS;
  }

  /** {@code count} background trades, all stamped {@code eventMillis}, sent as fast as possible. */
  List<Planned> flood(int count, long eventMillis) {
    List<Planned> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new Planned(0, trade(eventMillis, i), false));
    }
    return out;
  }

  /**
   * {@code seconds} of background at {@code rate} frames/s with two kinds of alert:
   *
   * <ul>
   *   <li>a $150K liquidation every 1.5 s, on the next of {@code coins} and alternating sides,
   *       stamped 6 s before it is sent so that the 5 s group wait is already over when the engine
   *       sees it: the alert goes out on the engine's first look. 1.5 s apart, more than the
   *       channel's 1 s spacing, so delivery never holds one behind another;
   *   <li>one SOL storm at 1 s: 20 liquidations of $100K, 25 ms apart, stamped when sent; no single
   *       is sent within 1.5 s of the storm's decision (its last order plus the 5 s group wait).
   * </ul>
   */
  List<Planned> steady(int rate, int seconds, List<String> coins, long baseMillis) {
    long ms = 1_000_000L;
    List<Planned> out = background(rate, 0, seconds * 1_000_000_000L, baseMillis);
    long stormStart = 1_000;
    int stormOrders = 20;
    for (int i = 0; i < stormOrders; i++) {
      long millis = stormStart + 25L * i;
      out.add(
          new Planned(
              millis * ms + 61_000L,
              BinanceFrames.forceOrder("SOLUSDT", "SELL", "500", "200.00", baseMillis + millis),
              true));
    }
    long stormDecides = stormStart + 25L * (stormOrders - 1) + 5_000;
    int m = 0;
    for (long offset = 250; offset < seconds * 1_000L; offset += 1_500) {
      if (Math.abs(offset - stormDecides) < 1_500) {
        continue;
      }
      String coin = coins.get(m % coins.size());
      String side = (m / coins.size()) % 2 == 0 ? "SELL" : "BUY";
      out.add(new Planned(offset * ms, liquidation(coin, side, baseMillis + offset - 6_000), true));
      m++;
    }
    out.sort(java.util.Comparator.comparingLong(Planned::offsetNanos));
    return out;
  }

  /**
   * The cascade: 2 s at 500 frames/s, 2 s at 20 000/s, 2 s at 500/s, then {@code tailSeconds} more
   * at 500/s so that the engine's event time passes every group wait on traffic rather than on its
   * idle tick. Eight single liquidations on the given coins (two before, four during, two after the
   * burst) and the SOL storm inside the burst. Event times are the planned send times.
   */
  List<Planned> cascade(List<String> singleCoins, int tailSeconds, long baseMillis) {
    if (singleCoins.size() != 8) {
      throw new IllegalArgumentException("the cascade needs 8 coins");
    }
    long s = 1_000_000_000L;
    List<Planned> out = new ArrayList<>();
    out.addAll(background(500, 0, 2 * s, baseMillis));
    out.addAll(background(20_000, 2 * s, 4 * s, baseMillis));
    out.addAll(background(500, 4 * s, (6 + tailSeconds) * s, baseMillis));
    long[] singles = {500, 1500, 2300, 2700, 3100, 3500, 4500, 5500};
    for (int i = 0; i < singles.length; i++) {
      long offset = singles[i] * 1_000_000L + 137_000L;
      out.add(
          new Planned(
              offset, liquidation(singleCoins.get(i), "SELL", baseMillis + singles[i]), true));
    }
    for (int i = 0; i < 40; i++) {
      long millis = 2_000 + 25L * i;
      out.add(
          new Planned(
              millis * 1_000_000L + 61_000L,
              BinanceFrames.forceOrder("SOLUSDT", "SELL", "500", "200.00", baseMillis + millis),
              true));
    }
    out.sort(java.util.Comparator.comparingLong(Planned::offsetNanos));
    return out;
  }

  /**
   * Background trades only, below every rule, at {@code rate} for {@code seconds}: brings a fresh
   * bot's reader and engine to steady state before a measured run.
   */
  List<Planned> warmUp(int rate, int seconds, long baseMillis) {
    return background(rate, 0, seconds * 1_000_000_000L, baseMillis);
  }

  private List<Planned> background(int rate, long fromNanos, long toNanos, long baseMillis) {
    long step = 1_000_000_000L / rate;
    List<Planned> out = new ArrayList<>();
    int i = 0;
    for (long t = fromNanos; t < toNanos; t += step, i++) {
      out.add(new Planned(t, trade(baseMillis + t / 1_000_000, i), false));
    }
    return out;
  }

  private String trade(long eventMillis, int i) {
    boolean btc = i % 2 == 0;
    return BinanceFrames.aggTrade(
        btc ? "BTCUSDT" : "ETHUSDT",
        tradeId++,
        btc ? "97000.10" : "3000.10",
        btc ? "0.001" : "0.033",
        eventMillis,
        i % 3 == 0);
  }

  /** $150K ({@code 15000 × 10.00}) liquidated; {@code side} SELL = longs, BUY = shorts. */
  private static String liquidation(String coin, String side, long eventMillis) {
    return BinanceFrames.forceOrder(coin + "USDT", side, "15000", "10.00", eventMillis);
  }
}
