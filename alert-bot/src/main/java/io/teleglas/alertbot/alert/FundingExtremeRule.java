package io.teleglas.alertbot.alert;

import io.teleglas.alertbot.market.MarketReading;
import io.teleglas.core.market.FundingRate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Alerts when one exchange's funding rate for a coin is extreme, with hysteresis: NEW when its
 * size, scaled to 8 hours, reaches {@link MarketThresholds#fundingExtremePer8h()}; RESOLVED when it
 * falls below {@link MarketThresholds#fundingResolvePer8h()} or changes sign. In between nothing is
 * sent, so a rate hovering at the threshold does not flap. Positive funding (longs pay) is side
 * LONG, negative SHORT. An exchange missing from a reading keeps its state: unknown is not normal.
 */
public final class FundingExtremeRule implements AlertRule {

  public static final String NAME = "funding-extreme";

  private static final Duration EIGHT_HOURS = Duration.ofHours(8);

  private final MarketThresholds thresholds;
  private final Map<String, AlertSide> open = new HashMap<>();

  public FundingExtremeRule(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null").market();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Alert> onReading(MarketReading reading) {
    List<Alert> out = new ArrayList<>();
    for (FundingRate rate : reading.funding()) {
      double per8h = rate.rate() * ((double) EIGHT_HOURS.toNanos() / rate.interval().toNanos());
      String key = NAME + "|" + reading.coin().symbol() + "|" + rate.exchange().name();
      AlertSide side = per8h >= 0 ? AlertSide.LONG : AlertSide.SHORT;
      AlertSide openSide = open.get(key);
      double size = Math.abs(per8h);
      if (openSide != null && (size < thresholds.fundingResolvePer8h() || openSide != side)) {
        out.add(alert(AlertKind.RESOLVED, key, openSide, rate, per8h, reading));
        open.remove(key);
        openSide = null;
      }
      if (openSide == null && size >= thresholds.fundingExtremePer8h()) {
        out.add(alert(AlertKind.NEW, key, side, rate, per8h, reading));
        open.put(key, side);
      }
    }
    return out;
  }

  private Alert alert(
      AlertKind kind,
      String key,
      AlertSide side,
      FundingRate rate,
      double per8h,
      MarketReading reading) {
    Reading.Funding measured =
        new Reading.Funding(
            rate.exchange(),
            rate.rate(),
            rate.interval(),
            per8h,
            kind == AlertKind.RESOLVED
                ? thresholds.fundingResolvePer8h()
                : thresholds.fundingExtremePer8h(),
            reading.source(),
            reading.time());
    double openInterest = reading.openInterestUsd(rate.exchange()).orElse(0.0);
    return new Alert(
        NAME,
        key,
        kind,
        reading.coin(),
        Optional.of(side),
        openInterest,
        1,
        Set.of(rate.exchange()),
        reading.time(),
        reading.time(),
        List.of(),
        List.of(),
        Optional.of(measured));
  }
}
