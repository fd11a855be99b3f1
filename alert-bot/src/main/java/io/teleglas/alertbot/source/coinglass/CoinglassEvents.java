package io.teleglas.alertbot.source.coinglass;

import io.teleglas.core.exchange.Wire;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.market.Venue;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns CoinGlass WebSocket items into events. CoinGlass reports dozens of exchanges and gives the
 * USD value itself; the catalog only scales the price of contracts quoted per many coins. An item
 * whose contract size cannot be known is dropped, never guessed.
 */
final class CoinglassEvents {

  /** Names of contracts per many coins: 1000PEPEUSDT, SHIB1000USDT, 1MBABYDOGEUSDT, kPEPE. */
  private static final Pattern MULTIPLIED = Pattern.compile(".*1000.*|1M[A-Z].*|k[A-Z].*");

  private final InstrumentCatalog instruments;

  CoinglassEvents(InstrumentCatalog instruments) {
    this.instruments = instruments;
  }

  /** An item of the liquidation channel: side 1 = long liquidated, 2 = short (§B.3, §E). */
  Liquidation liquidation(CoinglassWire w) {
    Long code = w.side();
    PositionSide side;
    if (code != null && code == 1) {
      side = PositionSide.LONG;
    } else if (code != null && code == 2) {
      side = PositionSide.SHORT;
    } else {
      throw new WireFormatException("unknown liquidation side " + code);
    }
    Priced p = priced(w);
    return new Liquidation(
        p.exchange, p.coin, p.symbol, side, p.price, p.usd / p.price, p.usd, p.time);
  }

  /** An item of a {@code futures_trades} channel: side 1 = sell, 2 = buy (§B.4, §B.5). */
  Trade trade(CoinglassWire w) {
    Long code = w.side();
    TakerSide side;
    if (code != null && code == 1) {
      side = TakerSide.SELL;
    } else if (code != null && code == 2) {
      side = TakerSide.BUY;
    } else {
      throw new WireFormatException("unknown trade side " + code);
    }
    Priced p = priced(w);
    // CoinGlass gives no trade id.
    return new Trade(
        p.exchange, p.coin, p.symbol, side, p.price, p.usd / p.price, p.usd, p.time, "");
  }

  private Priced priced(CoinglassWire w) {
    Exchange exchange = Exchange.of(Wire.text(w.exName(), "exName"));
    String symbol = Wire.text(w.symbol(), "symbol");
    String base = Wire.text(w.baseAsset(), "baseAsset");
    double instrumentPrice = Wire.required(w.price(), "price");
    double usd = Wire.required(w.volUsd(), "volUsd");
    Unit unit = unit(exchange, symbol, base);
    return new Priced(
        exchange,
        unit.coin,
        symbol,
        instrumentPrice / unit.multiplier,
        usd,
        Wire.instant(w.time(), "time"));
  }

  /**
   * The coin and coins per price unit: the catalog's for an instrument of a venue it lists;
   * otherwise one coin, when neither the names nor the catalog hint at a multiplier contract.
   */
  private Unit unit(Exchange exchange, String symbol, String base) {
    Optional<Instrument> listed =
        venue(exchange).flatMap(venue -> instruments.byName(venue, symbol));
    if (listed.isPresent()) {
      return new Unit(listed.get().coin(), listed.get().multiplier());
    }
    if (!Coin.isValid(base)
        || MULTIPLIED.matcher(base).matches()
        || MULTIPLIED.matcher(symbol).matches()
        || instruments.hasMultiplier(new Coin(base))) {
      throw new WireFormatException(
          "unknown contract size of " + symbol + " (" + base + ") on " + exchange.name());
    }
    return new Unit(new Coin(base), 1);
  }

  private static Optional<Venue> venue(Exchange exchange) {
    return Arrays.stream(Venue.values()).filter(v -> v.exchange().equals(exchange)).findFirst();
  }

  private record Unit(Coin coin, long multiplier) {}

  private record Priced(
      Exchange exchange, Coin coin, String symbol, double price, double usd, Instant time) {}
}
