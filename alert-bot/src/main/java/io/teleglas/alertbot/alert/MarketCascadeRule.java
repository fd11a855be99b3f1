package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Detects liquidations across many coins at once on one side: within {@link
 * MarketThresholds#cascadeWindow()} of event time, at least {@code cascadeCoins} coins each
 * liquidated by at least {@code cascadeCoinUsd}, together at least {@code cascadeTotalUsd}.
 *
 * <p>A cascade opens (NEW, with every liquidation of that side in the window), grows with every
 * further liquidation of that side (UPDATE at most every {@code cascadeUpdateInterval}) and
 * resolves (RESOLVED, final totals) once its condition has not held for a whole window. Its coins
 * are those liquidated by at least {@code cascadeCoinUsd} since it opened; while it is open it
 * inhibits the NEW {@code large-liquidation} and {@code liquidation-storm} alerts of those coins on
 * its side.
 */
public final class MarketCascadeRule implements AlertRule, Inhibitor {

  public static final String NAME = "market-cascade";

  private final MarketThresholds thresholds;
  private final Map<AlertSide, CascadeWindow> windows = new EnumMap<>(AlertSide.class);
  private final Map<AlertSide, Cascade> open = new EnumMap<>(AlertSide.class);

  public MarketCascadeRule(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null").market();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The group key of the cascade on {@code side}: one market-wide group per side. */
  public static String groupKey(AlertSide side) {
    return NAME + "|" + side;
  }

  @Override
  public List<Alert> onEvent(MarketEvent event) {
    if (!(event instanceof Liquidation liquidation)) {
      return List.of();
    }
    AlertSide side = AlertSide.of(liquidation.side());
    List<Alert> out = new ArrayList<>();
    closeIfOver(side, liquidation.time(), out);
    CascadeWindow window =
        windows.computeIfAbsent(side, s -> new CascadeWindow(thresholds.cascadeWindow()));
    window.add(liquidation);
    Cascade cascade = open.get(side);
    if (cascade != null) {
      cascade.add(liquidation);
    }
    if (window.qualifies(thresholds)) {
      if (cascade == null) {
        cascade = new Cascade(groupKey(side), side, thresholds.cascadeCoinUsd());
        window.liquidations().forEach(cascade::add);
        cascade.qualifiedAt(liquidation.time());
        open.put(side, cascade);
        out.add(cascade.announce(AlertKind.NEW, liquidation.time()));
        return out;
      }
      cascade.qualifiedAt(liquidation.time());
    }
    updateIfDue(side, liquidation.time(), out);
    return out;
  }

  @Override
  public List<Alert> onTime(Instant now) {
    List<Alert> out = new ArrayList<>();
    for (AlertSide side : Set.copyOf(open.keySet())) {
      closeIfOver(side, now, out);
      updateIfDue(side, now, out);
    }
    windows.values().forEach(w -> w.evictBefore(now.minus(thresholds.cascadeWindow())));
    return out;
  }

  @Override
  public boolean inhibits(Alert alert) {
    boolean target =
        alert.rule().equals(LargeLiquidationRule.NAME)
            || alert.rule().equals(LiquidationStormRule.NAME);
    if (!target || alert.side().isEmpty()) {
      return false;
    }
    Cascade cascade = open.get(alert.side().get());
    return cascade != null && cascade.covers(alert.coin());
  }

  /** The coins the open cascade on {@code side} covers; empty when none is open. */
  Set<Coin> covered(AlertSide side) {
    Cascade cascade = open.get(side);
    return cascade == null ? Set.of() : cascade.coveredCoins();
  }

  private void closeIfOver(AlertSide side, Instant now, List<Alert> out) {
    Cascade cascade = open.get(side);
    if (cascade != null && cascade.over(now, thresholds.cascadeWindow())) {
      out.add(cascade.announce(AlertKind.RESOLVED, now));
      open.remove(side);
    }
  }

  private void updateIfDue(AlertSide side, Instant now, List<Alert> out) {
    Cascade cascade = open.get(side);
    if (cascade != null && cascade.updateDue(now, thresholds.cascadeUpdateInterval())) {
      out.add(cascade.announce(AlertKind.UPDATE, now));
    }
  }
}
