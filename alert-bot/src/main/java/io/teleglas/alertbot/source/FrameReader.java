package io.teleglas.alertbot.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.core.exchange.Wire;
import io.teleglas.core.exchange.WireFormatException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads venue text frames for the stream decoders: JSON objects whose items are bound to wire
 * records with numbers taken from strings or numbers ({@link Wire#lenient}). Immutable and
 * thread-safe.
 */
public final class FrameReader {

  /**
   * Larger frames are refused unread. Bybit's largest documented batch (1024 trades per message,
   * market-apis.md §C.2) is about 250 KB; a frame sixteen times that is not a venue frame.
   */
  public static final int MAX_FRAME_CHARS = 4 * 1024 * 1024;

  private static final int MAX_REASON_CHARS = 200;

  private final ObjectMapper mapper;

  public FrameReader(ObjectMapper shared) {
    Objects.requireNonNull(shared, "shared is null");
    this.mapper = Wire.lenient(shared).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Applies {@code decoder} to a non-blank frame of sane size and turns whatever it throws into
   * {@link Decoded.Kind#INVALID} with the reason, so a decoder never throws.
   */
  public Decoded decode(String frame, Function<String, Decoded> decoder) {
    if (frame == null || frame.isBlank()) {
      return Decoded.invalid("empty frame");
    }
    if (frame.length() > MAX_FRAME_CHARS) {
      return Decoded.invalid("frame too large: " + frame.length() + " characters");
    }
    try {
      return decoder.apply(frame.strip());
    } catch (RuntimeException e) {
      return Decoded.invalid(reason(e));
    }
  }

  /**
   * The frame as a JSON object.
   *
   * @throws WireFormatException if it is not one JSON object
   */
  public JsonNode object(String frame) {
    JsonNode node;
    try {
      node = mapper.readTree(frame);
    } catch (JsonProcessingException e) {
      throw new WireFormatException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new WireFormatException("not a JSON object");
    }
    return node;
  }

  /** The frame as a JSON object, or empty when it is not one (for quick checks that may fail). */
  public Optional<JsonNode> tryObject(String frame) {
    if (frame == null || frame.isBlank() || frame.length() > MAX_FRAME_CHARS) {
      return Optional.empty();
    }
    try {
      return Optional.of(object(frame));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * One item bound to a wire record.
   *
   * @throws WireFormatException if it is not an object or a field has the wrong type
   */
  public <T> T read(JsonNode item, Class<T> type) {
    if (item == null || !item.isObject()) {
      throw new WireFormatException("item is not an object");
    }
    try {
      return mapper.treeToValue(item, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new WireFormatException("unreadable item: " + e.getMessage());
    }
  }

  /** A short, single-line account of why something could not be decoded, for logs and metrics. */
  public static String reason(RuntimeException e) {
    return shorten(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  /** {@code message} on one line, cut to a length fit for a log line. */
  public static String shorten(String message) {
    String shown =
        message.length() <= MAX_REASON_CHARS
            ? message
            : message.substring(0, MAX_REASON_CHARS) + "...";
    return shown.replaceAll("\\s+", " ").strip();
  }
}
