package io.teleglas.alertbot.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The events of one data frame, item by item: an item that cannot be converted is dropped and
 * counted, and the others are kept. Not thread-safe; one per frame.
 */
public final class Batch {

  /**
   * No single liquidation or trade comes near this many USD (the largest ever reported are a few
   * hundred million); a bigger figure is a corrupt number, such as {@code 1e300}.
   */
  public static final double MAX_USD = 1e10;

  /** No coin trades near this many USD per coin (BTC is about 1e5). */
  public static final double MAX_COIN_PRICE = 1e8;

  private final List<MarketEvent> events = new ArrayList<>();
  private int items;
  private int dropped;
  private String firstReason;

  /**
   * The result of converting every element of {@code array} (a frame's {@code data}).
   *
   * @param name the array's field name, for drop reasons
   * @throws WireFormatException if {@code array} is missing or not an array
   */
  public static Decoded ofEach(
      JsonNode array, String name, Function<JsonNode, ? extends MarketEvent> conversion) {
    if (array == null || !array.isArray()) {
      throw new WireFormatException(name + " is not an array");
    }
    Batch batch = new Batch();
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      batch.add(name + "[" + i + "]", () -> conversion.apply(item));
    }
    return batch.result();
  }

  /** The result of converting a frame that carries a single item. */
  public static Decoded ofOne(String name, Supplier<? extends MarketEvent> conversion) {
    Batch batch = new Batch();
    batch.add(name, conversion);
    return batch.result();
  }

  /**
   * Converts one item and keeps the event, or drops the item when conversion throws or the event is
   * implausible.
   *
   * @param where names the item in the drop reason, e.g. {@code data[2]}
   */
  public void add(String where, Supplier<? extends MarketEvent> conversion) {
    items++;
    try {
      events.add(plausible(conversion.get()));
    } catch (RuntimeException e) {
      dropped++;
      noteReason(where + ": " + FrameReader.reason(e));
    }
  }

  /** Drops {@code count} items that could not even be told apart, such as a group without id. */
  public void drop(int count, String reason) {
    items += count;
    dropped += count;
    noteReason(reason);
  }

  /**
   * DATA with every event when nothing was dropped (also for an empty batch); DATA with the events
   * and the count when some were dropped; INVALID with the count when all were.
   */
  public Decoded result() {
    if (dropped == 0) {
      return Decoded.data(events);
    }
    String error = "dropped " + dropped + " of " + items + " items, first " + firstReason;
    if (events.isEmpty()) {
      return new Decoded(List.of(), Decoded.Kind.INVALID, Optional.of(error), dropped);
    }
    return Decoded.partial(events, dropped, error);
  }

  private void noteReason(String reason) {
    if (firstReason == null) {
      firstReason = reason;
    }
  }

  private static MarketEvent plausible(MarketEvent event) {
    if (event.usdValue() > MAX_USD) {
      throw new WireFormatException("implausible USD value " + event.usdValue());
    }
    double price =
        event instanceof Liquidation l ? l.price() : event instanceof Trade t ? t.price() : 0;
    if (price > MAX_COIN_PRICE) {
      throw new WireFormatException("implausible price " + price);
    }
    return event;
  }
}
