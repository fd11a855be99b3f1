package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Detects a cascade of liquidations on one side of one coin, over a rolling window of event time.
 *
 * <p>A storm opens when the liquidations of the last {@link Thresholds#stormWindow()} reach the
 * tier's storm USD and count, and is announced (NEW) {@link Thresholds#stormGroupWait()} later, so
 * that its first message has the totals of the first seconds of the cascade; from then on every
 * liquidation of that coin and side adds to it, announced as UPDATE at most every {@link
 * Thresholds#stormUpdateInterval()}; it closes (RESOLVED, with the final totals) once no
 * liquidation came for a whole window.
 *
 * <p>While a storm is open it inhibits {@code large-liquidation} alerts for its coin and side: the
 * storm message, edited as it grows, replaces one message per liquidation.
 */
public final class LiquidationStormRule implements AlertRule, Inhibitor {

  public static final String NAME = "liquidation-storm";

  private final Thresholds thresholds;
  private final Map<String, Side> sides = new HashMap<>();

  public LiquidationStormRule(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Alert> onEvent(MarketEvent event) {
    if (!(event instanceof Liquidation liquidation)) {
      return List.of();
    }
    AlertSide side = AlertSide.of(liquidation.side());
    String key = Alert.groupKey(NAME, liquidation.coin(), side);
    Side state = sides.computeIfAbsent(key, k -> new Side(k, side, liquidation.coin()));
    List<Alert> alerts = new ArrayList<>();
    state.closeIfQuiet(liquidation.time(), alerts);
    state.add(liquidation, alerts);
    return alerts;
  }

  @Override
  public boolean inhibits(Alert alert) {
    if (!alert.rule().equals(LargeLiquidationRule.NAME) || alert.side().isEmpty()) {
      return false;
    }
    Side state = sides.get(Alert.groupKey(NAME, alert.coin(), alert.side().get()));
    return state != null && state.storm != null;
  }

  @Override
  public List<Alert> onTime(Instant now) {
    List<Alert> alerts = new ArrayList<>();
    Iterator<Side> it = sides.values().iterator();
    while (it.hasNext()) {
      Side state = it.next();
      state.closeIfQuiet(now, alerts);
      state.updateIfDue(now, alerts);
      if (state.idle(now)) {
        it.remove();
      }
    }
    return alerts;
  }

  /** One coin and side: recent liquidations while calm, the open storm while not. */
  private final class Side {
    private final String key;
    private final AlertSide side;
    private final Coin coin;

    /** Oldest first with a running total, so each liquidation costs O(log n), not a scan. */
    private final PriorityQueue<Liquidation> recent =
        new PriorityQueue<>(Comparator.comparing(Liquidation::time));

    private double recentUsd;
    private Storm storm;

    Side(String key, AlertSide side, Coin coin) {
      this.key = key;
      this.side = side;
      this.coin = coin;
    }

    void add(Liquidation liquidation, List<Alert> out) {
      if (storm != null) {
        storm.add(liquidation);
        updateIfDue(liquidation.time(), out);
        return;
      }
      recent.add(liquidation);
      recentUsd += liquidation.usdValue();
      evictBefore(liquidation.time().minus(thresholds.stormWindow()));
      double usd = recentUsd;
      TierThresholds tier = thresholds.forCoin(coin);
      if (usd >= tier.stormUsd() && recent.size() >= tier.stormCount()) {
        storm = new Storm(key, side, liquidation.time());
        recent.forEach(storm::add);
        recent.clear();
        recentUsd = 0;
        updateIfDue(liquidation.time(), out);
      }
    }

    void updateIfDue(Instant now, List<Alert> out) {
      if (storm == null) {
        return;
      }
      if (!storm.announced()) {
        if (!now.isBefore(storm.openedAt().plus(thresholds.stormGroupWait()))) {
          out.add(storm.announce(AlertKind.NEW, now));
        }
      } else if (storm.updateDue(now, thresholds.stormUpdateInterval())) {
        out.add(storm.announce(AlertKind.UPDATE, now));
      }
    }

    void closeIfQuiet(Instant now, List<Alert> out) {
      if (storm != null && storm.quietSince(now, thresholds.stormWindow())) {
        if (!storm.announced()) {
          out.add(storm.announce(AlertKind.NEW, now));
        }
        out.add(storm.announce(AlertKind.RESOLVED, now));
        storm = null;
      }
    }

    private void evictBefore(Instant since) {
      while (!recent.isEmpty() && recent.peek().time().isBefore(since)) {
        recentUsd -= recent.poll().usdValue();
      }
      if (recent.isEmpty()) {
        recentUsd = 0; // no drift from subtracting doubles
      }
    }

    boolean idle(Instant now) {
      Instant since = now.minus(thresholds.stormWindow());
      evictBefore(since);
      return storm == null && recent.isEmpty();
    }
  }
}
