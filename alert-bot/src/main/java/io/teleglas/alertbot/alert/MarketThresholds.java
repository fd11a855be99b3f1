package io.teleglas.alertbot.alert;

import java.time.Duration;

/**
 * The thresholds of the market-wide and polled rules, which are the same for every tier.
 *
 * @param cascadeCoins a market cascade needs this many coins liquidating on one side, >= 2
 * @param cascadeCoinUsd each of them by at least this much within the cascade window, > 0
 * @param cascadeTotalUsd and those coins together by at least this much, > 0
 * @param cascadeWindow liquidations count within this much event time; an open cascade resolves
 *     once its condition has not held for this long
 * @param cascadeUpdateInterval a growing cascade is re-announced at most this often
 * @param fundingExtremePer8h a funding rate alerts when its size, scaled to 8 hours, reaches this
 *     fraction ({@code 0.001} is 0.1%), > 0
 * @param fundingResolvePer8h and resolves when it falls below this one, > 0 and below the first
 * @param oiSpikePercent an open-interest change within {@code oiWindow} alerts from this size in
 *     percent, > 0
 * @param oiResolvePercent and resolves when the change within the window falls below this, > 0 and
 *     below the first
 * @param oiWindow how far back an open-interest reading is compared
 * @param pollInterval how often funding and open interest are read
 */
public record MarketThresholds(
    int cascadeCoins,
    double cascadeCoinUsd,
    double cascadeTotalUsd,
    Duration cascadeWindow,
    Duration cascadeUpdateInterval,
    double fundingExtremePer8h,
    double fundingResolvePer8h,
    double oiSpikePercent,
    double oiResolvePercent,
    Duration oiWindow,
    Duration pollInterval) {

  public static final MarketThresholds DEFAULT =
      new MarketThresholds(
          5,
          250_000,
          5_000_000,
          Duration.ofSeconds(60),
          Duration.ofSeconds(20),
          0.001,
          0.0005,
          3,
          1.5,
          Duration.ofMinutes(15),
          Duration.ofMinutes(5));

  public MarketThresholds {
    if (cascadeCoins < 2) {
      throw new IllegalArgumentException("cascadeCoins must be >= 2, got " + cascadeCoins);
    }
    positive(cascadeCoinUsd, "cascadeCoinUsd");
    positive(cascadeTotalUsd, "cascadeTotalUsd");
    Durations.positive(cascadeWindow, "cascadeWindow");
    Durations.positive(cascadeUpdateInterval, "cascadeUpdateInterval");
    positive(fundingExtremePer8h, "fundingExtremePer8h");
    positive(fundingResolvePer8h, "fundingResolvePer8h");
    if (fundingResolvePer8h >= fundingExtremePer8h) {
      throw new IllegalArgumentException("fundingResolvePer8h must be below fundingExtremePer8h");
    }
    positive(oiSpikePercent, "oiSpikePercent");
    positive(oiResolvePercent, "oiResolvePercent");
    if (oiResolvePercent >= oiSpikePercent) {
      throw new IllegalArgumentException("oiResolvePercent must be below oiSpikePercent");
    }
    Durations.positive(oiWindow, "oiWindow");
    Durations.positive(pollInterval, "pollInterval");
  }

  private static void positive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a positive number, got " + value);
    }
  }
}
