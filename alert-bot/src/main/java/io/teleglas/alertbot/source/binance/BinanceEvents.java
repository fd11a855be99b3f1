package io.teleglas.alertbot.source.binance;

import io.teleglas.alertbot.source.NameCache;
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

/** Turns Binance stream payloads into events (market-apis.md §C.1, §E). */
final class BinanceEvents {

  private final NameCache instruments;

  BinanceEvents(InstrumentCatalog instruments) {
    this.instruments = new NameCache(instruments, Venue.BINANCE);
  }

  /**
   * The forced order's side names the closed position's opposite: SELL closes a long. USD is the
   * filled quantity {@code z} times the average fill price {@code ap}.
   */
  Liquidation liquidation(BinanceWire.ForceOrder w) {
    BinanceWire.Order o = w.order();
    if (o == null) {
      throw new WireFormatException("missing o");
    }
    String symbol = Wire.text(o.symbol(), "o.s");
    PositionSide side =
        switch (Wire.text(o.side(), "o.S")) {
          case "SELL" -> PositionSide.LONG;
          case "BUY" -> PositionSide.SHORT;
          default -> throw new WireFormatException("unknown side " + o.side());
        };
    double price = Wire.required(o.averagePrice(), "o.ap");
    double filled = Wire.required(o.filledQuantity(), "o.z");
    Instrument instrument = instruments.require(symbol);
    return new Liquidation(
        Exchange.BINANCE,
        instrument.coin(),
        instrument.name(),
        side,
        instrument.coinPrice(price),
        instrument.coinQuantity(filled),
        price * filled,
        Wire.instant(o.tradeTime(), "o.T"));
  }

  /** {@code m = true}: the buyer made the book, so the taker sold. USD is {@code p × q}. */
  Trade trade(BinanceWire.AggTrade w) {
    String symbol = Wire.text(w.symbol(), "s");
    if (w.buyerIsMaker() == null) {
      throw new WireFormatException("missing m");
    }
    if (w.id() == null) {
      throw new WireFormatException("missing a");
    }
    double price = Wire.required(w.price(), "p");
    double quantity = Wire.required(w.quantity(), "q");
    Instrument instrument = instruments.require(symbol);
    return new Trade(
        Exchange.BINANCE,
        instrument.coin(),
        instrument.name(),
        w.buyerIsMaker() ? TakerSide.SELL : TakerSide.BUY,
        instrument.coinPrice(price),
        instrument.coinQuantity(quantity),
        price * quantity,
        Wire.instant(w.tradeTime(), "T"),
        Long.toString(w.id()));
  }
}
