package io.teleglas.alertbot.source.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.teleglas.alertbot.source.Batch;
import io.teleglas.alertbot.source.FrameReader;
import io.teleglas.alertbot.source.Listings;
import io.teleglas.alertbot.stream.Decoded;
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
import java.util.Map;

/**
 * Turns OKX channel items into events (market-apis.md §C.3, §E). Sizes are contracts; a contract is
 * {@code ctVal} coins for the linear USDT swaps decoded here. Inverse ({@code BTC-USD-SWAP}) and
 * other instruments that do not follow the {@code <COIN>-USDT-SWAP} rule, and swaps without a known
 * {@code ctVal}, are dropped.
 */
final class OkxEvents {

  private final InstrumentCatalog instruments;
  private final Map<String, Double> contractValues;
  private final FrameReader reader;

  OkxEvents(InstrumentCatalog instruments, Map<String, Double> contractValues, FrameReader reader) {
    this.instruments = instruments;
    this.contractValues = contractValues;
    this.reader = reader;
  }

  /** The events of a {@code trades} frame's {@code data}. */
  Decoded trades(JsonNode data) {
    return Batch.ofEach(data, "data", item -> trade(reader.read(item, OkxWire.Trade.class)));
  }

  /** Each item names a swap and lists its liquidations in {@code details}. */
  Decoded liquidations(JsonNode data) {
    if (data == null || !data.isArray()) {
      throw new WireFormatException("data is not an array");
    }
    Batch batch = new Batch();
    for (int i = 0; i < data.size(); i++) {
      JsonNode item = data.get(i);
      JsonNode details = item.path("details");
      String where = "data[" + i + "]";
      Contract contract;
      try {
        if (!details.isArray()) {
          throw new WireFormatException("details is not an array");
        }
        contract = contract(item.path("instId").isTextual() ? item.get("instId").asText() : null);
      } catch (RuntimeException e) {
        batch.drop(Math.max(1, details.size()), where + ": " + FrameReader.reason(e));
        continue;
      }
      for (int j = 0; j < details.size(); j++) {
        JsonNode detail = details.get(j);
        batch.add(
            where + ".details[" + j + "]",
            () -> liquidation(contract, reader.read(detail, OkxWire.LiquidationDetail.class)));
      }
    }
    return batch.result();
  }

  /** The swap named {@code instId}, with its contract value in coins. */
  Contract contract(String instId) {
    String name = Wire.text(instId, "instId");
    Instrument instrument = Listings.require(instruments, Venue.OKX, name);
    Double ctVal = contractValues.get(name);
    if (ctVal == null) {
      throw new WireFormatException("no contract value (ctVal) known for " + name);
    }
    return new Contract(instrument, ctVal);
  }

  /**
   * {@code posSide} long/short names the position; in net mode ({@code posSide=net}) the order side
   * does, and a forced sell closes a long. USD is {@code sz × ctVal × bkPx}.
   */
  Liquidation liquidation(Contract contract, OkxWire.LiquidationDetail w) {
    PositionSide side =
        switch (Wire.text(w.posSide(), "posSide")) {
          case "long" -> PositionSide.LONG;
          case "short" -> PositionSide.SHORT;
          case "net" -> netSide(w.side());
          default -> throw new WireFormatException("unknown posSide " + w.posSide());
        };
    double price = Wire.required(w.bkPx(), "bkPx");
    double coins = Wire.required(w.sz(), "sz") * contract.ctVal();
    Instrument instrument = contract.instrument();
    return new Liquidation(
        Exchange.OKX,
        instrument.coin(),
        instrument.name(),
        side,
        instrument.coinPrice(price),
        instrument.coinQuantity(coins),
        coins * price,
        Wire.instant(w.ts(), "ts"));
  }

  /** {@code side} is the taker's. USD is {@code sz × ctVal × px}. */
  Trade trade(OkxWire.Trade w) {
    Contract contract = contract(w.instId());
    TakerSide side =
        switch (Wire.text(w.side(), "side")) {
          case "buy" -> TakerSide.BUY;
          case "sell" -> TakerSide.SELL;
          default -> throw new WireFormatException("unknown side " + w.side());
        };
    double price = Wire.required(w.px(), "px");
    double coins = Wire.required(w.sz(), "sz") * contract.ctVal();
    Instrument instrument = contract.instrument();
    return new Trade(
        Exchange.OKX,
        instrument.coin(),
        instrument.name(),
        side,
        instrument.coinPrice(price),
        instrument.coinQuantity(coins),
        coins * price,
        Wire.instant(w.ts(), "ts"),
        Wire.text(w.tradeId(), "tradeId"));
  }

  private static PositionSide netSide(String orderSide) {
    return switch (Wire.text(orderSide, "side")) {
      case "sell" -> PositionSide.LONG;
      case "buy" -> PositionSide.SHORT;
      default -> throw new WireFormatException("unknown side " + orderSide);
    };
  }

  /** A swap and how many coins one of its contracts is. */
  record Contract(Instrument instrument, double ctVal) {}
}
