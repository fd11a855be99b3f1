package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Liquidation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The liquidations of one side, all coins, within the last cascade window of event time, with a
 * running total per coin. Engine-thread only.
 */
final class CascadeWindow {

  private final Duration window;
  private final Deque<Liquidation> recent = new ArrayDeque<>();

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
    recent.addLast(liquidation);
    double[] totals = byCoin.computeIfAbsent(liquidation.coin(), c -> new double[2]);
    totals[0] += liquidation.usdValue();
    totals[1]++;
    evictBefore(latest.minus(window));
  }

  /** Forgets liquidations before {@code since}. */
  void evictBefore(Instant since) {
    recent.removeIf(
        l -> {
          if (!l.time().isBefore(since)) {
            return false;
          }
          double[] totals = byCoin.get(l.coin());
          totals[0] -= l.usdValue();
          if (--totals[1] == 0) {
            byCoin.remove(l.coin());
          }
          return true;
        });
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

  List<Liquidation> liquidations() {
    return List.copyOf(recent);
  }
}
