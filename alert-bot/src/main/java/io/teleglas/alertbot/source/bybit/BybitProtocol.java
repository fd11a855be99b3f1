package io.teleglas.alertbot.source.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teleglas.alertbot.config.SourceId;
import io.teleglas.alertbot.source.Batch;
import io.teleglas.alertbot.source.FrameReader;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.StreamProtocol;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.InstrumentCatalog;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bybit v5 public linear stream (market-apis.md §C.2): {@code {"op":"subscribe","args":[...]}}
 * acknowledged by {@code {"success":true,"op":"subscribe",...}}, a JSON {@code {"op":"ping"}} every
 * 20 s, topics {@code allLiquidation.<SYMBOL>} and {@code publicTrade.<SYMBOL>} whose {@code data}
 * is an array.
 */
public final class BybitProtocol implements StreamProtocol {
  /** Asked once per event on the socket thread; {@link SourceId#id} builds a new string. */
  private static final String SOURCE = SourceId.BYBIT.id();

  /** "We recommend that you send the ping heartbeat packet every 20 seconds" (§C.2). */
  static final Duration PING_INTERVAL = Duration.ofSeconds(20);

  /**
   * The pong is JSON, {@code {"success":true,"ret_msg":"pong","conn_id":..,"op":"ping"}} (§C.2),
   * with a connection id that varies: only this word is fixed, and {@link #decode} is what
   * recognises the frame (as CONTROL).
   */
  static final String PONG_WORD = "pong";

  /**
   * One symbol's liquidations ({@code allLiquidation} has no all-market topic): a single coin can
   * go minutes without one.
   */
  static final Duration LIQUIDATION_SILENCE = Duration.ofMinutes(5);

  /** Trades of a listed perpetual arrive many times a minute. */
  static final Duration TRADES_SILENCE = Duration.ofSeconds(30);

  private static final String LIQUIDATION_PREFIX = "allLiquidation.";
  private static final String TRADE_PREFIX = "publicTrade.";

  private final FrameReader reader;
  private final BybitEvents events;

  public BybitProtocol(InstrumentCatalog instruments, ObjectMapper mapper) {
    this.reader = new FrameReader(mapper);
    this.events = new BybitEvents(Objects.requireNonNull(instruments, "instruments is null"));
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public URI endpoint(URI base, List<String> topics) {
    return base;
  }

  @Override
  public List<String> subscribeMessages(List<String> topics) {
    if (topics.isEmpty()) {
      return List.of();
    }
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("op", "subscribe");
    topics.forEach(message.putArray("args")::add);
    return List.of(message.toString());
  }

  @Override
  public boolean acknowledgesSubscriptions() {
    return true;
  }

  @Override
  public boolean isSubscribeAck(String frame) {
    return reader
        .tryObject(frame)
        .filter(root -> root.path("op").asText().equals("subscribe"))
        .filter(root -> root.path("success").asBoolean(false))
        .isPresent();
  }

  @Override
  public Optional<Heartbeat> heartbeat() {
    return Optional.of(new Heartbeat("{\"op\":\"ping\"}", PING_INTERVAL, PONG_WORD));
  }

  @Override
  public Duration protocolPingInterval() {
    return Duration.ZERO;
  }

  @Override
  public Duration maxSilence(List<String> topics) {
    return topics.stream().anyMatch(t -> t.startsWith(TRADE_PREFIX))
        ? TRADES_SILENCE
        : LIQUIDATION_SILENCE;
  }

  @Override
  public Optional<Duration> maxConnectionAge() {
    return Optional.empty();
  }

  @Override
  public Decoded decode(String frame, Instant receivedAt) {
    return reader.decode(frame, this::decodeFrame);
  }

  private Decoded decodeFrame(String frame) {
    JsonNode root = reader.object(frame);
    JsonNode topic = root.get("topic");
    if (topic != null && topic.isTextual()) {
      return data(topic.asText(), root.get("data"));
    }
    JsonNode op = root.get("op");
    if (op == null || !op.isTextual()) {
      throw new WireFormatException("frame has neither topic nor op");
    }
    return switch (op.asText()) {
      case "ping", "pong" -> Decoded.control();
      case "subscribe", "unsubscribe" ->
          root.path("success").asBoolean(false)
              ? Decoded.control()
              : Decoded.rejected(
                  FrameReader.shorten(op.asText() + " failed: " + root.path("ret_msg").asText()));
      default -> throw new WireFormatException("unknown op " + op.asText());
    };
  }

  private Decoded data(String topic, JsonNode data) {
    if (topic.startsWith(LIQUIDATION_PREFIX)) {
      return Batch.ofEach(
          data, "data", item -> events.liquidation(reader.read(item, BybitWire.Liquidation.class)));
    }
    if (topic.startsWith(TRADE_PREFIX)) {
      return Batch.ofEach(
          data, "data", item -> events.trade(reader.read(item, BybitWire.Trade.class)));
    }
    throw new WireFormatException("unknown topic " + topic);
  }
}
