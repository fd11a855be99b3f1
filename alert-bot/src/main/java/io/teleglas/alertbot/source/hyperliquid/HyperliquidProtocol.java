package io.teleglas.alertbot.source.hyperliquid;

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
 * Hyperliquid's WebSocket (market-apis.md §C.4): one {@code {"method":"subscribe","subscription":
 * {"type":"trades","coin":..}}} per coin, each answered by a {@code subscriptionResponse}, and
 * {@code {"method":"ping"}} answered by {@code {"channel":"pong"}}. Topics are written {@code
 * trades:<coin>} with the venue's coin name, e.g. {@code trades:kPEPE}. There is no public
 * liquidation feed.
 *
 * <p>Every (re)subscription replays about 30 recent trades; they are decoded like any others, each
 * with its {@code tid}, and de-duplicated downstream on (time, coin, tid).
 */
public final class HyperliquidProtocol implements StreamProtocol {
  /** Asked once per event on the socket thread; {@link SourceId#id} builds a new string. */
  private static final String SOURCE = SourceId.HYPERLIQUID.id();

  private static final String TRADES_PREFIX = "trades:";

  /**
   * The server closes a connection it has sent nothing to for 60 s (§C.4); a ping every 30 s keeps
   * a pong inside every such window with room for one lost.
   */
  static final Duration PING_INTERVAL = Duration.ofSeconds(30);

  /**
   * Trades per coin: constant for BTC, but Hyperliquid's smaller books can pause for tens of
   * seconds; 60 s is also when the server itself gives up on a quiet connection.
   */
  static final Duration TRADES_SILENCE = Duration.ofSeconds(60);

  private final FrameReader reader;
  private final HyperliquidEvents events;

  public HyperliquidProtocol(InstrumentCatalog instruments, ObjectMapper mapper) {
    this.reader = new FrameReader(mapper);
    this.events = new HyperliquidEvents(Objects.requireNonNull(instruments, "instruments is null"));
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
   * @throws IllegalArgumentException for a topic not of the form {@code trades:<coin>}
   */
  @Override
  public List<String> subscribeMessages(List<String> topics) {
    return topics.stream().map(HyperliquidProtocol::subscribeMessage).toList();
  }

  private static String subscribeMessage(String topic) {
    if (!topic.startsWith(TRADES_PREFIX) || topic.length() == TRADES_PREFIX.length()) {
      throw new IllegalArgumentException("Hyperliquid topic must be trades:<coin>, got " + topic);
    }
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("method", "subscribe");
    message
        .putObject("subscription")
        .put("type", "trades")
        .put("coin", topic.substring(TRADES_PREFIX.length()));
    return message.toString();
  }

  @Override
  public boolean acknowledgesSubscriptions() {
    return true;
  }

  @Override
  public boolean isSubscribeAck(String frame) {
    return reader
        .tryObject(frame)
        .filter(root -> root.path("channel").asText().equals("subscriptionResponse"))
        .isPresent();
  }

  @Override
  public Optional<Heartbeat> heartbeat() {
    return Optional.of(
        new Heartbeat("{\"method\":\"ping\"}", PING_INTERVAL, "{\"channel\":\"pong\"}"));
  }

  @Override
  public Duration protocolPingInterval() {
    return Duration.ZERO;
  }

  @Override
  public Duration maxSilence(List<String> topics) {
    return TRADES_SILENCE;
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
    String channel = root.path("channel").asText();
    return switch (channel) {
      case "trades" ->
          Batch.ofEach(
              root.get("data"),
              "data",
              item -> events.trade(reader.read(item, HyperliquidWire.class)));
      case "subscriptionResponse", "pong" -> Decoded.control();
      // Not in the notes (§C.4); the server reports a refused request this way.
      case "error" ->
          Decoded.rejected(FrameReader.shorten("Hyperliquid error " + root.get("data")));
      case "" -> throw new WireFormatException("frame has no channel");
      default -> throw new WireFormatException("unknown channel " + channel);
    };
  }
}
