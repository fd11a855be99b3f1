package io.teleglas.alertbot.source.okx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Items of OKX v5 public channels (market-apis.md §C.3); every number is a string. SWAP sizes are
 * contracts of {@code ctVal} coins each; prices are per coin.
 */
final class OkxWire {
  private OkxWire() {}

  /** One {@code details[]} entry of a {@code liquidation-orders} item. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LiquidationDetail(String posSide, String side, Double bkPx, Double sz, Long ts) {}

  /** One {@code trades} item: {@code side} is the taker's. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Trade(String instId, String tradeId, Double px, Double sz, String side, Long ts) {}
}
