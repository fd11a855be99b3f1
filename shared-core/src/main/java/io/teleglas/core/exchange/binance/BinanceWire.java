package io.teleglas.core.exchange.binance;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What Binance USDⓈ-M {@code fapi} sends, field for field as documented (market-apis §D.1); numbers
 * may be strings or numbers. Quantities and prices are in the instrument's units ({@code
 * 1000PEPEUSDT} quotes per 1000 PEPE).
 */
final class BinanceWire {
  private BinanceWire() {}

  /** {@code GET /fapi/v1/ticker/24hr?symbol=}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ticker24h(
      String symbol,
      Double lastPrice,
      Double priceChangePercent,
      Double highPrice,
      Double lowPrice,
      Double quoteVolume,
      Long closeTime) {}

  /** {@code GET /fapi/v1/premiumIndex?symbol=}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PremiumIndex(
      String symbol, Double markPrice, Double lastFundingRate, Long nextFundingTime, Long time) {}

  /** One row of {@code GET /fapi/v1/fundingInfo}: only symbols with adjusted funding settings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record FundingInfo(String symbol, Long fundingIntervalHours) {}

  /** One row of {@code GET /fapi/v1/fundingRate?symbol=&limit=} (funding history, oldest first). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record FundingRateRow(String symbol, Double fundingRate, Long fundingTime) {}

  /** {@code GET /fapi/v1/openInterest?symbol=}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OpenInterest(String symbol, Double openInterest, Long time) {}

  /** One row of {@code GET /futures/data/openInterestHist?symbol=&period=}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OpenInterestHist(
      String symbol, Double sumOpenInterest, Double sumOpenInterestValue, Long timestamp) {}

  /**
   * One row of the three {@code /futures/data/*LongShort*Ratio} tables. The position-ratio table
   * uses the account names too in the documented sample; {@code longPosition} is read as well.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ratio(String symbol, @JsonAlias("longPosition") Double longAccount, Long timestamp) {}

  /** One row of {@code GET /fapi/v1/aggTrades?symbol=}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AggTrade(
      @JsonProperty("a") Long id,
      @JsonProperty("p") Double price,
      @JsonProperty("q") Double quantity,
      @JsonProperty("T") Long time,
      @JsonProperty("m") Boolean buyerIsMaker) {}
}
