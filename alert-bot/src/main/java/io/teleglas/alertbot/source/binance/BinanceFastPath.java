package io.teleglas.alertbot.source.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the two frames the bot lives on, a combined-stream {@code aggTrade} or {@code forceOrder}
 * with one object as {@code data}, in one pass of a streaming parser straight into the wire
 * records, without building a JSON tree and binding it again (the tree path cost about half of the
 * per-frame CPU in the warm flood).
 *
 * <p>It is an optimisation only, never a second definition of the format: it answers {@code null}
 * ("not sure") for anything but the plain shape with every field of the expected JSON type: other
 * top-level fields (acks, errors), array payloads, unknown event types, repeated or null fields,
 * empty or unreadable numbers, malformed or trailing JSON. The caller then decodes the frame the
 * one documented way ({@link BinanceProtocol}'s tree path), so every answer, error text included,
 * is the tree path's. Numbers are read as {@link io.teleglas.core.exchange.Wire#lenient} reads
 * them: a JSON number, or a string of one (stripped). Stateless and thread-safe.
 */
final class BinanceFastPath {
  private final JsonFactory factory;

  /** {@code factory}: the one the tree path's mapper parses with, so both accept the same JSON. */
  BinanceFastPath(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * The frame's single payload as {@link BinanceWire.AggTrade} or {@link BinanceWire.ForceOrder},
   * or null when the frame is not plainly one of them.
   */
  Object read(String frame) {
    try (JsonParser p = factory.createParser(frame)) {
      Object payload = root(p);
      return payload != null && p.nextToken() == null ? payload : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {@code {"stream":"...","data":{...}}} in either order, nothing else. */
  private static Object root(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    boolean stream = false;
    Object payload = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("stream") && !stream && value == JsonToken.VALUE_STRING) {
        stream = true;
      } else if (name.equals("data") && payload == null && value == JsonToken.START_OBJECT) {
        payload = data(p);
        if (payload == null) {
          return null;
        }
      } else {
        return null;
      }
    }
    return stream && p.currentToken() == JsonToken.END_OBJECT ? payload : null;
  }

  /**
   * The fields of an {@code aggTrade} or {@code forceOrder} payload, the parser on its
   * START_OBJECT; which record is built depends on {@code e}, wherever it stands.
   */
  private static Object data(JsonParser p) throws IOException {
    Fields f = new Fields();
    String type = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "e" -> {
          if (type != null || value != JsonToken.VALUE_STRING) {
            return null;
          }
          type = p.getText();
        }
        case "o" -> {
          if (f.order != null || value != JsonToken.START_OBJECT) {
            return null;
          }
          f.order = order(p);
          if (f.order == null) {
            return null;
          }
        }
        case "s", "a", "p", "q", "T", "m" -> {
          if (!f.trade(name, p, value)) {
            return null;
          }
        }
        default -> p.skipChildren();
      }
    }
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "aggTrade" -> f.aggTrade();
      case "forceOrder" -> f.order == null ? null : new BinanceWire.ForceOrder(f.order);
      default -> null;
    };
  }

  /** A {@code forceOrder}'s {@code o} object, the parser on its START_OBJECT. */
  private static BinanceWire.Order order(JsonParser p) throws IOException {
    String symbol = null;
    String side = null;
    Double price = null;
    Double filled = null;
    Long time = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "s" -> {
          if (symbol != null || (symbol = text(p, value)) == null) {
            return null;
          }
        }
        case "S" -> {
          if (side != null || (side = text(p, value)) == null) {
            return null;
          }
        }
        case "ap" -> {
          if (price != null || (price = number(p, value)) == null) {
            return null;
          }
        }
        case "z" -> {
          if (filled != null || (filled = number(p, value)) == null) {
            return null;
          }
        }
        case "T" -> {
          if (time != null || (time = integer(p, value)) == null) {
            return null;
          }
        }
        default -> p.skipChildren();
      }
    }
    if (symbol == null || side == null || price == null || filled == null || time == null) {
      return null;
    }
    return new BinanceWire.Order(symbol, side, price, filled, time);
  }

  /** The aggTrade fields of a payload, each seen at most once. Not thread-safe; one per frame. */
  private static final class Fields {
    private String symbol;
    private Long id;
    private Double price;
    private Double quantity;
    private Long time;
    private Boolean buyerIsMaker;
    private BinanceWire.Order order;

    /** Reads {@code name}'s value; false when it repeats or has an unexpected form. */
    boolean trade(String name, JsonParser p, JsonToken value) throws IOException {
      switch (name) {
        case "s" -> {
          return symbol == null && (symbol = text(p, value)) != null;
        }
        case "a" -> {
          return id == null && (id = integer(p, value)) != null;
        }
        case "p" -> {
          return price == null && (price = number(p, value)) != null;
        }
        case "q" -> {
          return quantity == null && (quantity = number(p, value)) != null;
        }
        case "T" -> {
          return time == null && (time = integer(p, value)) != null;
        }
        case "m" -> {
          if (buyerIsMaker != null || !value.isBoolean()) {
            return false;
          }
          buyerIsMaker = value == JsonToken.VALUE_TRUE;
          return true;
        }
        default -> throw new IllegalArgumentException("not an aggTrade field: " + name);
      }
    }

    BinanceWire.AggTrade aggTrade() {
      if (symbol == null
          || id == null
          || price == null
          || quantity == null
          || time == null
          || buyerIsMaker == null
          || order != null) {
        return null;
      }
      return new BinanceWire.AggTrade(symbol, id, price, quantity, time, buyerIsMaker);
    }
  }

  private static String text(JsonParser p, JsonToken value) throws IOException {
    return value == JsonToken.VALUE_STRING ? p.getText() : null;
  }

  /** A JSON number or a string holding one, as the lenient mapper reads it; else null. */
  private static Double number(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (value == JsonToken.VALUE_STRING) {
      String text = p.getText().strip();
      return text.isEmpty() ? null : Double.valueOf(text);
    }
    return null;
  }

  /** A JSON integer or a string holding one, as the lenient mapper reads it; else null. */
  private static Long integer(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (value == JsonToken.VALUE_STRING) {
      String text = p.getText().strip();
      return text.isEmpty() ? null : Long.valueOf(text);
    }
    return null;
  }
}
