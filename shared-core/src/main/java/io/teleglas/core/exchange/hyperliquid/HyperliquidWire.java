package io.teleglas.core.exchange.hyperliquid;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What Hyperliquid's {@code POST /info {"type":"metaAndAssetCtxs"}} answers (market-apis §D.4): a
 * two-element array {@code [meta, assetCtxs]} where {@code meta.universe[i]} names the perpetual
 * whose context is {@code assetCtxs[i]}. Numbers are strings; prices and sizes are in the
 * perpetual's units ({@code kPEPE} is per 1000 PEPE).
 */
final class HyperliquidWire {
  private HyperliquidWire() {}

  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  @JsonPropertyOrder({"meta", "assetCtxs"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MetaAndAssetCtxs(Meta meta, List<AssetCtx> assetCtxs) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Meta(List<Asset> universe) {}

  /** A perpetual's case-sensitive name ({@code BTC}, {@code kPEPE}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Asset(String name, Boolean isDelisted) {}

  /**
   * A perpetual's live context: {@code funding} is the hourly rate, {@code openInterest} in the
   * perpetual's units, {@code prevDayPx} the price a day ago and {@code dayNtlVlm} the day's
   * notional volume in USDC.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AssetCtx(
      Double funding, Double openInterest, Double prevDayPx, Double dayNtlVlm, Double markPx) {}
}
