package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.Trade;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alerts on a run of large trades on one side of one coin: within {@link
 * Thresholds#clusterWindow()} of event time, at least the tier's cluster count of trades, each at
 * least its cluster trade size, together at least its cluster USD. The alert carries the totals and
 * the largest trades; the trades it counted are then forgotten, so the next cluster needs new ones
 * (and the cooldown stage keeps a busy coin from repeating within its period).
 */
public final class WhaleClusterRule implements AlertRule {

  public static final String NAME = "whale-cluster";

  private final Thresholds thresholds;
  private final Map<String, Deque<Trade>> recent = new HashMap<>();

  public WhaleClusterRule(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Alert> onEvent(MarketEvent event) {
    if (!(event instanceof Trade trade)) {
      return List.of();
    }
    TierThresholds tier = thresholds.forCoin(trade.coin());
    if (trade.usdValue() < tier.clusterTradeUsd()) {
      return List.of();
    }
    AlertSide side = AlertSide.of(trade.side());
    String key = Alert.groupKey(NAME, trade.coin(), side);
    Deque<Trade> trades = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
    trades.addLast(trade);
    Instant since = trade.time().minus(thresholds.clusterWindow());
    trades.removeIf(t -> t.time().isBefore(since));
    double usd = trades.stream().mapToDouble(Trade::usdValue).sum();
    if (trades.size() < tier.clusterCount() || usd < tier.clusterUsd()) {
      return List.of();
    }
    List<Trade> largest =
        trades.stream()
            .sorted(Comparator.comparingDouble(Trade::usdValue).reversed())
            .limit(Storm.MAX_SAMPLES)
            .toList();
    Set<Exchange> exchanges = trades.stream().map(Trade::exchange).collect(Collectors.toSet());
    Instant first = trades.stream().map(Trade::time).min(Instant::compareTo).orElseThrow();
    Instant last = trades.stream().map(Trade::time).max(Instant::compareTo).orElseThrow();
    Alert alert =
        Alert.ofEvents(
            NAME,
            key,
            AlertKind.NEW,
            trade.coin(),
            side,
            usd,
            trades.size(),
            exchanges,
            first,
            last,
            largest);
    recent.remove(key);
    return List.of(alert);
  }

  @Override
  public List<Alert> onTime(Instant now) {
    Instant since = now.minus(thresholds.clusterWindow());
    Iterator<Deque<Trade>> it = recent.values().iterator();
    while (it.hasNext()) {
      Deque<Trade> trades = it.next();
      trades.removeIf(t -> t.time().isBefore(since));
      if (trades.isEmpty()) {
        it.remove();
      }
    }
    return List.of();
  }
}
