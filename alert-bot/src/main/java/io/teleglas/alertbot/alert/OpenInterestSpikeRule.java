package io.teleglas.alertbot.alert;

import io.teleglas.alertbot.market.MarketReading;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.OpenInterest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alerts when a coin's open interest moves by at least {@link MarketThresholds#oiSpikePercent()}
 * within {@link MarketThresholds#oiWindow()}, comparing each reading with every earlier one in the
 * window from the same source, summed over the exchanges present in both (so an exchange that did
 * not answer once never looks like a drop). NEW at the threshold; RESOLVED when the largest change
 * within the window is back below {@link MarketThresholds#oiResolvePercent()}. The alert carries
 * both readings it compared.
 */
public final class OpenInterestSpikeRule implements AlertRule {

  public static final String NAME = "oi-spike";

  private record Snapshot(Instant time, String source, Map<Exchange, Double> usd) {}

  private final MarketThresholds thresholds;
  private final Map<Coin, Deque<Snapshot>> history = new HashMap<>();
  private final Set<Coin> open = new HashSet<>();

  public OpenInterestSpikeRule(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null").market();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Alert> onReading(MarketReading reading) {
    if (reading.openInterest().isEmpty()) {
      return List.of();
    }
    Snapshot now =
        new Snapshot(
            reading.time(),
            reading.source(),
            reading.openInterest().stream()
                .collect(Collectors.toMap(OpenInterest::exchange, OpenInterest::usdValue)));
    Deque<Snapshot> past = history.computeIfAbsent(reading.coin(), c -> new ArrayDeque<>());
    Instant since = reading.time().minus(thresholds.oiWindow());
    past.removeIf(s -> s.time().isBefore(since));
    Optional<Reading.OpenInterestChange> largest = largestChange(past, now);
    if (past.isEmpty() || reading.time().isAfter(past.peekLast().time())) {
      past.addLast(now);
    }
    if (largest.isEmpty()) {
      return List.of();
    }
    double size = Math.abs(largest.get().changePercent());
    Coin coin = reading.coin();
    if (!open.contains(coin) && size >= thresholds.oiSpikePercent()) {
      open.add(coin);
      return List.of(alert(AlertKind.NEW, coin, largest.get()));
    }
    if (open.contains(coin) && size < thresholds.oiResolvePercent()) {
      open.remove(coin);
      return List.of(alert(AlertKind.RESOLVED, coin, largest.get()));
    }
    return List.of();
  }

  private static Optional<Reading.OpenInterestChange> largestChange(
      Deque<Snapshot> past, Snapshot now) {
    Reading.OpenInterestChange best = null;
    for (Snapshot before : past) {
      if (!before.source().equals(now.source()) || !now.time().isAfter(before.time())) {
        continue;
      }
      Set<Exchange> common = new HashSet<>(before.usd().keySet());
      common.retainAll(now.usd().keySet());
      double beforeUsd = common.stream().mapToDouble(before.usd()::get).sum();
      double afterUsd = common.stream().mapToDouble(now.usd()::get).sum();
      if (common.isEmpty() || !(beforeUsd > 0)) {
        continue;
      }
      Reading.OpenInterestChange change =
          new Reading.OpenInterestChange(
              common, beforeUsd, afterUsd, before.time(), now.time(), now.source());
      if (best == null || Math.abs(change.changePercent()) > Math.abs(best.changePercent())) {
        best = change;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Alert alert(AlertKind kind, Coin coin, Reading.OpenInterestChange change) {
    return new Alert(
        NAME,
        NAME + "|" + coin.symbol(),
        kind,
        coin,
        Optional.empty(),
        change.afterUsd(),
        2,
        change.exchanges(),
        change.beforeTime(),
        change.afterTime(),
        List.of(),
        List.of(),
        Optional.of(change));
  }
}
