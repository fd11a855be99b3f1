package io.teleglas.core.exchange.okx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What OKX v5 sends ([OKX-SITE], market-apis §D.3): an envelope {@code {code, msg, data:[...]}}
 * whose {@code code} is the string {@code "0"} on success, with every number a string. SWAP sizes
 * are contracts; prices are per coin.
 */
final class OkxWire {
  private OkxWire() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Envelope<T>(String code, String msg, List<T> data) {}

  /**
   * {@code GET /api/v5/market/ticker?instId=}: {@code open24h} is the open of the rolling 24 hours
   * ({@code sodUtc0}/{@code sodUtc8} are the day opens); for SWAP {@code volCcy24h} is in the base
   * coin and {@code vol24h} in contracts.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ticker(
      String instId,
      Double last,
      Double open24h,
      Double high24h,
      Double low24h,
      Double volCcy24h,
      Long ts) {}

  /**
   * {@code GET /api/v5/public/funding-rate?instId=}: {@code fundingRate} is the current period's,
   * settled at {@code fundingTime}; {@code nextFundingTime} is the settlement after it, so the
   * interval is their difference (OKX: "focus on the difference between fundingTime and
   * nextFundingTime").
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Funding(
      String instId, Double fundingRate, Long fundingTime, Long nextFundingTime, Long ts) {}

  /** {@code GET /api/v5/public/open-interest}: contracts, coins and USD. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OpenInterest(String instId, Double oi, Double oiCcy, Double oiUsd, Long ts) {}

  /** {@code GET /api/v5/public/instruments?instType=SWAP&instId=}: the contract's size. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Instrument(String instId, String ctType, Double ctVal, Double ctMult, String ctValCcy) {}

  /**
   * {@code GET /api/v5/market/trades?instId=}: {@code sz} in contracts, {@code side} the taker's.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Trade(String instId, String tradeId, Double px, Double sz, String side, Long ts) {}
}
