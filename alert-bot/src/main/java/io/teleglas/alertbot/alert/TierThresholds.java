package io.teleglas.alertbot.alert;

/**
 * The thresholds of one tier. USD values are notional, inclusive ("at least").
 *
 * @param singleLiquidationUsd one liquidation alerts at this size, > 0
 * @param stormUsd a storm needs this much liquidated on one side within the storm window, > 0
 * @param stormCount and at least this many liquidations, >= 1
 * @param whaleTradeUsd one trade alerts at this size, > 0
 * @param clusterTradeUsd a trade counts towards a whale cluster from this size, > 0
 * @param clusterUsd a whale cluster needs this much traded on one side within its window, > 0
 * @param clusterCount and at least this many such trades, >= 2
 */
public record TierThresholds(
    double singleLiquidationUsd,
    double stormUsd,
    int stormCount,
    double whaleTradeUsd,
    double clusterTradeUsd,
    double clusterUsd,
    int clusterCount) {

  public TierThresholds {
    positive(singleLiquidationUsd, "singleLiquidationUsd");
    positive(stormUsd, "stormUsd");
    positive(whaleTradeUsd, "whaleTradeUsd");
    positive(clusterTradeUsd, "clusterTradeUsd");
    positive(clusterUsd, "clusterUsd");
    if (stormCount < 1) {
      throw new IllegalArgumentException("stormCount must be >= 1, got " + stormCount);
    }
    if (clusterCount < 2) {
      throw new IllegalArgumentException("clusterCount must be >= 2, got " + clusterCount);
    }
  }

  private static void positive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a positive number, got " + value);
    }
  }
}
