package io.teleglas.core.exchange.bybit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What Bybit v5 sends for linear perpetuals ([BYBIT-DOCS] {@code docs/v5/market/tickers.mdx},
 * {@code long-short-ratio.mdx}, {@code recent-trade.mdx}): an envelope {@code {retCode, retMsg,
 * result:{list:[...]}, time}} with every number a string. Prices and sizes are in the instrument's
 * units ({@code 1000PEPEUSDT}, {@code SHIB1000USDT}).
 */
final class BybitWire {
  private BybitWire() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Envelope<T>(Integer retCode, String retMsg, Result<T> result, Long time) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Result<T>(List<T> list) {}

  /**
   * One row of {@code GET /v5/market/tickers?category=linear&symbol=}. Since 2026-06 {@code
   * openInterest}/{@code openInterestValue} count both sides; the {@code single*} fields count one
   * side like the other venues do.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ticker(
      String symbol,
      Double lastPrice,
      Double price24hPcnt,
      Double highPrice24h,
      Double lowPrice24h,
      Double turnover24h,
      Double singleOpenInterest,
      Double singleOpenInterestValue,
      Double fundingRate,
      Long nextFundingTime,
      Long fundingIntervalHour) {}

  /** One row of {@code GET /v5/market/account-ratio}: shares of users net long and net short. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AccountRatio(String symbol, Double buyRatio, Double sellRatio, Long timestamp) {}

  /** One row of {@code GET /v5/market/recent-trade}; {@code side} is the taker's. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Trade(String execId, String symbol, Double price, Double size, String side, Long time) {}
}
