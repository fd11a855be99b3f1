package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The running totals of one open market cascade. Engine-thread only. */
final class Cascade {

  /** The most coins an alert's breakdown lists; the cascade still covers every coin. */
  static final int MAX_BREAKDOWN = 10;

  private final String groupKey;
  private final AlertSide side;
  private final double coinUsd;
  private final Map<Coin, double[]> byCoin = new HashMap<>();
  private final Set<Exchange> exchanges = new HashSet<>();
  private final List<Liquidation> largest = new ArrayList<>();
  private double usdValue;
  private int count;
  private Instant first;
  private Instant last;
  private Instant lastQualified;
  private Instant lastAnnounced;
  private boolean grownSinceAnnounced;

  Cascade(String groupKey, AlertSide side, double coinUsd) {
    this.groupKey = groupKey;
    this.side = side;
    this.coinUsd = coinUsd;
  }

  void add(Liquidation l) {
    double[] totals = byCoin.computeIfAbsent(l.coin(), c -> new double[2]);
    totals[0] += l.usdValue();
    totals[1]++;
    usdValue += l.usdValue();
    count++;
    exchanges.add(l.exchange());
    first = first == null || l.time().isBefore(first) ? l.time() : first;
    last = last == null || l.time().isAfter(last) ? l.time() : last;
    largest.add(l);
    largest.sort(Comparator.comparingDouble(Liquidation::usdValue).reversed());
    if (largest.size() > Storm.MAX_SAMPLES) {
      largest.remove(Storm.MAX_SAMPLES);
    }
    grownSinceAnnounced = true;
  }

  void qualifiedAt(Instant time) {
    lastQualified = lastQualified == null || time.isAfter(lastQualified) ? time : lastQualified;
  }

  boolean covers(Coin coin) {
    double[] totals = byCoin.get(coin);
    return totals != null && totals[0] >= coinUsd;
  }

  Set<Coin> coveredCoins() {
    return byCoin.keySet().stream().filter(this::covers).collect(Collectors.toUnmodifiableSet());
  }

  Alert announce(AlertKind kind, Instant at) {
    lastAnnounced = at;
    grownSinceAnnounced = false;
    List<CoinTotal> breakdown =
        byCoin.entrySet().stream()
            .filter(e -> e.getValue()[0] >= coinUsd)
            .map(e -> new CoinTotal(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
            .sorted(
                Comparator.comparingDouble(CoinTotal::usdValue)
                    .reversed()
                    .thenComparing(t -> t.coin().symbol()))
            .limit(MAX_BREAKDOWN)
            .toList();
    return new Alert(
        MarketCascadeRule.NAME,
        groupKey,
        kind,
        breakdown.get(0).coin(),
        Optional.of(side),
        usdValue,
        count,
        exchanges,
        first,
        last,
        List.copyOf(largest),
        breakdown,
        Optional.empty());
  }

  boolean over(Instant now, Duration window) {
    return !now.isBefore(lastQualified.plus(window));
  }

  boolean updateDue(Instant now, Duration interval) {
    return grownSinceAnnounced && !now.isBefore(lastAnnounced.plus(interval));
  }
}
