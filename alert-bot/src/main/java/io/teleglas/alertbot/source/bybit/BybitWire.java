package io.teleglas.alertbot.source.bybit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Items of Bybit v5 public linear topics (market-apis.md §C.2); numbers arrive as strings. Sizes
 * and prices are in the instrument's units ({@code SHIB1000USDT} quotes per 1000 SHIB).
 */
final class BybitWire {
  private BybitWire() {}

  /**
   * {@code allLiquidation.<symbol>}: {@code S} is the liquidated POSITION's side, {@code p} the
   * bankruptcy price.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Liquidation(
      @JsonProperty("T") Long time,
      @JsonProperty("s") String symbol,
      @JsonProperty("S") String positionSide,
      @JsonProperty("v") Double size,
      @JsonProperty("p") Double price) {}

  /** {@code publicTrade.<symbol>}: {@code S} is the taker's side, {@code i} the trade id. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Trade(
      @JsonProperty("T") Long time,
      @JsonProperty("s") String symbol,
      @JsonProperty("S") String takerSide,
      @JsonProperty("v") Double size,
      @JsonProperty("p") Double price,
      @JsonProperty("i") String id) {}
}
