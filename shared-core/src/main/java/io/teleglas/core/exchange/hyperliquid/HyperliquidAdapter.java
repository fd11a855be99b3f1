package io.teleglas.core.exchange.hyperliquid;

import static io.teleglas.core.exchange.Wire.optional;
import static io.teleglas.core.exchange.Wire.required;

import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Hyperliquid asset contexts to domain records. The contexts carry no timestamp, so figures are
 * dated when the answer arrived.
 */
final class HyperliquidAdapter {
  private static final Exchange EXCHANGE = Exchange.HYPERLIQUID;

  /** "Funding on Hyperliquid is hourly" (market-apis §D.4). */
  static final Duration FUNDING_INTERVAL = Duration.ofHours(1);

  private HyperliquidAdapter() {}

  /** The context of the named perpetual; empty when the universe lacks it or delisted it. */
  static Optional<HyperliquidWire.AssetCtx> context(
      HyperliquidWire.MetaAndAssetCtxs answer, String name) {
    if (answer.meta() == null || answer.meta().universe() == null || answer.assetCtxs() == null) {
      throw new WireFormatException("missing universe or asset contexts");
    }
    List<HyperliquidWire.Asset> universe = answer.meta().universe();
    if (universe.size() != answer.assetCtxs().size()) {
      throw new WireFormatException("universe and asset contexts differ in length");
    }
    for (int n = 0; n < universe.size(); n++) {
      HyperliquidWire.Asset asset = universe.get(n);
      if (asset != null && name.equals(asset.name())) {
        return Boolean.TRUE.equals(asset.isDelisted())
            ? Optional.empty()
            : Optional.of(answer.assetCtxs().get(n));
      }
    }
    return Optional.empty();
  }

  /**
   * Price is the mark price (contexts carry no last trade price); the change is measured from
   * {@code prevDayPx}; Hyperliquid publishes no 24-hour high or low.
   */
  static Ticker ticker(Instrument instrument, HyperliquidWire.AssetCtx ctx, Instant time) {
    double mark = required(ctx.markPx(), "markPx");
    OptionalDouble previous = optional(ctx.prevDayPx(), "prevDayPx");
    return new Ticker(
        EXCHANGE,
        instrument.coin(),
        instrument.coinPrice(mark),
        previous.isPresent() && previous.getAsDouble() > 0
            ? OptionalDouble.of((mark / previous.getAsDouble() - 1) * 100)
            : OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        optional(ctx.dayNtlVlm(), "dayNtlVlm"),
        time);
  }

  /** Hourly funding; Hyperliquid's context does not state the next settlement time. */
  static FundingRate funding(Instrument instrument, HyperliquidWire.AssetCtx ctx, Instant time) {
    return new FundingRate(
        EXCHANGE,
        instrument.coin(),
        required(ctx.funding(), "funding"),
        FUNDING_INTERVAL,
        Optional.empty(),
        time);
  }

  /** Open interest in the perpetual's units, valued at the mark price. */
  static OpenInterest openInterest(
      Instrument instrument, HyperliquidWire.AssetCtx ctx, Instant time) {
    double quantity = required(ctx.openInterest(), "openInterest");
    return new OpenInterest(
        EXCHANGE,
        instrument.coin(),
        quantity * required(ctx.markPx(), "markPx"),
        OptionalDouble.of(instrument.coinQuantity(quantity)),
        time);
  }
}
