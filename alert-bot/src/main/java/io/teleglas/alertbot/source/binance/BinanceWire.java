package io.teleglas.alertbot.source.binance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Binance USDⓈ-M market-stream payloads (market-apis.md §C.1), field for field; numbers may be
 * strings or numbers. Prices and quantities are in the instrument's units ({@code 1000PEPEUSDT}
 * quotes per 1000 PEPE).
 */
final class BinanceWire {
  private BinanceWire() {}

  /** {@code !forceOrder@arr}: one liquidation order, {@code o.S} the forced order's side. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ForceOrder(@JsonProperty("o") Order order) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Order(
      @JsonProperty("s") String symbol,
      @JsonProperty("S") String side,
      @JsonProperty("ap") Double averagePrice,
      @JsonProperty("z") Double filledQuantity,
      @JsonProperty("T") Long tradeTime) {}

  /** {@code <symbol>@aggTrade}: {@code m} is true when the buyer was the maker. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AggTrade(
      @JsonProperty("s") String symbol,
      @JsonProperty("a") Long id,
      @JsonProperty("p") Double price,
      @JsonProperty("q") Double quantity,
      @JsonProperty("T") Long tradeTime,
      @JsonProperty("m") Boolean buyerIsMaker) {}
}
