package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Liquidation;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The liquidations of one side, all coins, within the last cascade window of event time, with a
 * running total per coin. Engine-thread only.
 */
final class CascadeWindow {

  private final Duration window;

  /** Oldest first, so eviction takes O(log n) per liquidation, not a scan of the window. */
  private final PriorityQueue<Liquidation> recent =
      new PriorityQueue<>(Comparator.comparing(Liquidation::time));

  /** Per coin: USD and count of its liquidations in the window. */
  private final Map<Coin, double[]> byCoin = new HashMap<>();

  private Instant latest = Instant.MIN;

  CascadeWindow(Duration window) {
    this.window = window;
  }

  void add(Liquidation liquidation) {
    latest = liquidation.time().isAfter(latest) ? liquidation.time() : latest;
    if (liquidation.time().isBefore(latest.minus(window))) {
      return;
    }
    recent.add(liquidation);
    double[] totals = byCoin.computeIfAbsent(liquidation.coin(), c -> new double[2]);
    totals[0] += liquidation.usdValue();
    totals[1]++;
    evictBefore(latest.minus(window));
  }

  /** Forgets liquidations before {@code since}. */
  void evictBefore(Instant since) {
    while (!recent.isEmpty() && recent.peek().time().isBefore(since)) {
      Liquidation l = recent.poll();
      double[] totals = byCoin.get(l.coin());
      totals[0] -= l.usdValue();
      if (--totals[1] == 0) {
        byCoin.remove(l.coin());
      }
    }
  }

  /** Whether enough coins, each liquidated enough, add up to a cascade. */
  boolean qualifies(MarketThresholds t) {
    int coins = 0;
    double usd = 0;
    for (double[] totals : byCoin.values()) {
      if (totals[0] >= t.cascadeCoinUsd()) {
        coins++;
        usd += totals[0];
      }
    }
    return coins >= t.cascadeCoins() && usd >= t.cascadeTotalUsd();
  }

  /** The liquidations in the window, oldest first. */
  List<Liquidation> liquidations() {
    List<Liquidation> all = new java.util.ArrayList<>(recent);
    all.sort(Comparator.comparing(Liquidation::time));
    return all;
  }
}
