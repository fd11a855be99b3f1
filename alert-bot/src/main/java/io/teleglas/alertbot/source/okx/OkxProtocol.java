package io.teleglas.alertbot.source.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teleglas.alertbot.config.SourceId;
import io.teleglas.alertbot.source.FrameReader;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.StreamProtocol;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.InstrumentCatalog;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * OKX v5 public stream (market-apis.md §C.3): {@code {"op":"subscribe","args":[{..}]}} answered by
 * one {@code {"event":"subscribe",..}} per argument or {@code {"event":"error",..}}, a text {@code
 * ping} answered by {@code pong}. Topics are written {@value #LIQUIDATIONS} (all SWAP liquidations,
 * subscribed by {@code instType}) and {@code <channel>:<instId>}, e.g. {@code
 * trades:BTC-USDT-SWAP}.
 */
public final class OkxProtocol implements StreamProtocol {
  /** Asked once per event on the socket thread; {@link SourceId#id} builds a new string. */
  private static final String SOURCE = SourceId.OKX.id();

  /** The topic of every SWAP liquidation. */
  public static final String LIQUIDATIONS = "liquidation-orders";

  /**
   * OKX drops a connection that receives nothing for 30 s and asks for a text ping before then
   * (§C.3).
   */
  static final Duration PING_INTERVAL = Duration.ofSeconds(25);

  /** All SWAP liquidations, but a sample ("doesn't represent the total"): quiet in calm markets. */
  static final Duration LIQUIDATION_SILENCE = Duration.ofSeconds(60);

  /** Trades of a listed swap arrive many times a minute. */
  static final Duration TRADES_SILENCE = Duration.ofSeconds(30);

  private static final Set<String> CONTROL_EVENTS =
      Set.of("subscribe", "unsubscribe", "notice", "channel-conn-count", "login");

  private final FrameReader reader;
  private final OkxEvents events;

  /**
   * @param contractValues {@code ctVal} in coins per {@code instId}, from {@code GET
   *     /api/v5/public/instruments?instType=SWAP}; swaps missing here are dropped, never guessed
   */
  public OkxProtocol(
      Map<String, Double> contractValues, InstrumentCatalog instruments, ObjectMapper mapper) {
    Objects.requireNonNull(contractValues, "contractValues is null");
    contractValues.forEach(
        (instId, ctVal) -> {
          if (instId == null
              || instId.isBlank()
              || ctVal == null
              || !(ctVal > 0)
              || ctVal.isInfinite()) {
            throw new IllegalArgumentException("bad contract value " + instId + "=" + ctVal);
          }
        });
    this.reader = new FrameReader(mapper);
    this.events =
        new OkxEvents(
            Objects.requireNonNull(instruments, "instruments is null"),
            Map.copyOf(contractValues),
            reader);
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public URI endpoint(URI base, List<String> topics) {
    return base;
  }

  /**
   * @throws IllegalArgumentException for a topic that is neither {@value #LIQUIDATIONS} nor {@code
   *     <channel>:<instId>}
   */
  @Override
  public List<String> subscribeMessages(List<String> topics) {
    if (topics.isEmpty()) {
      return List.of();
    }
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("op", "subscribe");
    ArrayNode args = message.putArray("args");
    for (String topic : topics) {
      ObjectNode arg = args.addObject();
      int colon = topic.indexOf(':');
      if (topic.equals(LIQUIDATIONS)) {
        arg.put("channel", LIQUIDATIONS).put("instType", "SWAP");
      } else if (colon > 0 && colon < topic.length() - 1) {
        arg.put("channel", topic.substring(0, colon)).put("instId", topic.substring(colon + 1));
      } else {
        throw new IllegalArgumentException(
            "OKX topic must be " + LIQUIDATIONS + " or <channel>:<instId>, got " + topic);
      }
    }
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
        .filter(root -> root.path("event").asText().equals("subscribe"))
        .isPresent();
  }

  @Override
  public Optional<Heartbeat> heartbeat() {
    return Optional.of(new Heartbeat("ping", PING_INTERVAL, "pong"));
  }

  @Override
  public Duration protocolPingInterval() {
    return Duration.ZERO;
  }

  @Override
  public Duration maxSilence(List<String> topics) {
    return topics.stream().anyMatch(t -> !t.equals(LIQUIDATIONS))
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

  /**
   * The liquidations in a {@code data} array shaped like this channel's, which is also the shape
   * {@code GET /api/v5/public/liquidation-orders} answers with (market-apis.md §D.3). The REST
   * fallback decodes with this method so that polled and streamed liquidations get the same
   * contract values, sides and USD figures, and so the same de-duplication keys. Never throws.
   */
  public Decoded liquidations(JsonNode data) {
    try {
      return events.liquidations(data);
    } catch (RuntimeException e) {
      return Decoded.invalid(FrameReader.reason(e));
    }
  }

  private Decoded decodeFrame(String frame) {
    if (frame.equals("pong")) {
      return Decoded.control();
    }
    JsonNode root = reader.object(frame);
    JsonNode event = root.get("event");
    if (event != null) {
      return event(event.asText(), root);
    }
    String channel = root.path("arg").path("channel").asText();
    return switch (channel) {
      case LIQUIDATIONS -> events.liquidations(root.get("data"));
      case "trades" -> events.trades(root.get("data"));
      case "" -> throw new WireFormatException("frame has neither event nor arg.channel");
      default -> throw new WireFormatException("unknown channel " + channel);
    };
  }

  private static Decoded event(String name, JsonNode root) {
    if (name.endsWith("error")) {
      return Decoded.rejected(
          FrameReader.shorten(
              "OKX " + name + " " + root.path("code").asText() + ": " + root.path("msg").asText()));
    }
    if (CONTROL_EVENTS.contains(name)) {
      return Decoded.control();
    }
    throw new WireFormatException("unknown event " + name);
  }
}
