package io.teleglas.alertbot.source.hyperliquid;

import io.teleglas.alertbot.source.Listings;
import io.teleglas.core.exchange.Wire;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.market.Venue;

/** Turns Hyperliquid {@code WsTrade}s into events (market-apis.md §C.4, §E). */
final class HyperliquidEvents {

  private final InstrumentCatalog instruments;

  HyperliquidEvents(InstrumentCatalog instruments) {
    this.instruments = instruments;
  }

  /** {@code B}: the taker bought; {@code A}: it sold. USD is {@code px × sz}. */
  Trade trade(HyperliquidWire w) {
    String coin = Wire.text(w.coin(), "coin");
    TakerSide side =
        switch (Wire.text(w.side(), "side")) {
          case "B" -> TakerSide.BUY;
          case "A" -> TakerSide.SELL;
          default -> throw new WireFormatException("unknown side " + w.side());
        };
    double price = Wire.required(w.px(), "px");
    double size = Wire.required(w.sz(), "sz");
    if (w.tid() == null) {
      throw new WireFormatException("missing tid");
    }
    Instrument instrument = Listings.require(instruments, Venue.HYPERLIQUID, coin);
    return new Trade(
        Exchange.HYPERLIQUID,
        instrument.coin(),
        instrument.name(),
        side,
        instrument.coinPrice(price),
        instrument.coinQuantity(size),
        price * size,
        Wire.instant(w.time(), "time"),
        Long.toString(w.tid()));
  }
}
