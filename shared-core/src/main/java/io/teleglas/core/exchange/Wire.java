package io.teleglas.core.exchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Reading venue wire values. Venues send numbers as JSON strings in some places and as JSON numbers
 * in others, sometimes as empty strings for "none"; wire DTOs therefore use boxed {@code Double}
 * and {@code Long} that the {@link #lenient(ObjectMapper) lenient mapper} fills from either form
 * (empty string or null becomes null), and adapters decide with {@link #required} or {@link
 * #optional} whether a missing value is an error or an empty figure. Never a silent 0.
 */
public final class Wire {

  private Wire() {}

  /**
   * A copy of the process's mapper configured for venue DTOs: unknown fields ignored, lower camel
   * case names, numbers accepted from strings or numbers. The shared mapper is left untouched.
   */
  public static ObjectMapper lenient(ObjectMapper shared) {
    SimpleModule numbers = new SimpleModule("venue-numbers");
    numbers.addDeserializer(Double.class, new LenientDouble());
    numbers.addDeserializer(Long.class, new LenientLong());
    return shared
        .copy()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
        .registerModule(numbers);
  }

  /** The value of a required numeric field. */
  public static double required(Double value, String field) {
    if (value == null) {
      throw new WireFormatException("missing " + field);
    }
    if (!Double.isFinite(value)) {
      throw new WireFormatException(field + " is not finite: " + value);
    }
    return value;
  }

  /** The value of an optional numeric field; empty when absent, an error when not finite. */
  public static OptionalDouble optional(Double value, String field) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(required(value, field));
  }

  /** A required epoch-millisecond time. */
  public static Instant instant(Long epochMillis, String field) {
    if (epochMillis == null || epochMillis <= 0) {
      throw new WireFormatException("missing or invalid " + field + ": " + epochMillis);
    }
    return Instant.ofEpochMilli(epochMillis);
  }

  /** A required text field, not blank. */
  public static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new WireFormatException("missing " + field);
    }
    return value;
  }

  /** A number sent as text, such as a row of a venue's array-shaped table. */
  public static double parse(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new WireFormatException("missing " + field);
    }
    try {
      return required(Double.valueOf(text.strip()), field);
    } catch (NumberFormatException e) {
      throw new WireFormatException(field + " is not a number: " + text);
    }
  }

  private static final class LenientDouble extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDoubleValue();
      }
      if (token == JsonToken.VALUE_STRING) {
        String text = p.getText().strip();
        if (text.isEmpty()) {
          return null;
        }
        try {
          return Double.valueOf(text);
        } catch (NumberFormatException e) {
          return (Double) ctxt.handleWeirdStringValue(Double.class, text, "not a number");
        }
      }
      return (Double) ctxt.handleUnexpectedToken(Double.class, p);
    }
  }

  private static final class LenientLong extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return p.getLongValue();
      }
      if (token == JsonToken.VALUE_STRING) {
        String text = p.getText().strip();
        if (text.isEmpty()) {
          return null;
        }
        try {
          return Long.valueOf(text);
        } catch (NumberFormatException e) {
          return (Long) ctxt.handleWeirdStringValue(Long.class, text, "not an integer");
        }
      }
      return (Long) ctxt.handleUnexpectedToken(Long.class, p);
    }
  }
}
