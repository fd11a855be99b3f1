package io.teleglas.alertbot.source.bybit;

import io.teleglas.alertbot.source.Listings;
import io.teleglas.core.exchange.Wire;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.market.Venue;

/** Turns Bybit topic items into events (market-apis.md §C.2, §E). */
final class BybitEvents {

  private final InstrumentCatalog instruments;

  BybitEvents(InstrumentCatalog instruments) {
    this.instruments = instruments;
  }

  /**
   * {@code S = Buy} means a long was liquidated: Bybit names the position, the opposite of
   * Binance's order side. USD is {@code v × p} at the bankruptcy price.
   */
  Liquidation liquidation(BybitWire.Liquidation w) {
    String symbol = Wire.text(w.symbol(), "s");
    PositionSide side =
        switch (Wire.text(w.positionSide(), "S")) {
          case "Buy" -> PositionSide.LONG;
          case "Sell" -> PositionSide.SHORT;
          default -> throw new WireFormatException("unknown position side " + w.positionSide());
        };
    double size = Wire.required(w.size(), "v");
    double price = Wire.required(w.price(), "p");
    Instrument instrument = Listings.require(instruments, Venue.BYBIT, symbol);
    return new Liquidation(
        Exchange.BYBIT,
        instrument.coin(),
        instrument.name(),
        side,
        instrument.coinPrice(price),
        instrument.coinQuantity(size),
        size * price,
        Wire.instant(w.time(), "T"));
  }

  /** {@code S} is the taker's side. USD is {@code v × p}. */
  Trade trade(BybitWire.Trade w) {
    String symbol = Wire.text(w.symbol(), "s");
    TakerSide side =
        switch (Wire.text(w.takerSide(), "S")) {
          case "Buy" -> TakerSide.BUY;
          case "Sell" -> TakerSide.SELL;
          default -> throw new WireFormatException("unknown taker side " + w.takerSide());
        };
    double size = Wire.required(w.size(), "v");
    double price = Wire.required(w.price(), "p");
    Instrument instrument = Listings.require(instruments, Venue.BYBIT, symbol);
    return new Trade(
        Exchange.BYBIT,
        instrument.coin(),
        instrument.name(),
        side,
        instrument.coinPrice(price),
        instrument.coinQuantity(size),
        size * price,
        Wire.instant(w.time(), "T"),
        Wire.text(w.id(), "i"));
  }
}
