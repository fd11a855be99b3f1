package io.teleglas.alertbot.source.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.config.SourceId;
import io.teleglas.alertbot.source.Batch;
import io.teleglas.alertbot.source.FrameReader;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.StreamProtocol;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.MarketEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Binance USDⓈ-M market streams under the {@code /market} base (market-apis.md §C.1): the legacy
 * base completes the handshake and acks subscriptions but sends no events since 2026-04-23. Topics
 * go into the combined-stream URL the docs show, {@code <base>/stream?streams=a/b}, so nothing is
 * sent after opening and every frame arrives as {@code {"stream":..,"data":..}}. The server pings
 * every 3 minutes at the protocol level and the client library answers; connections end after 24
 * hours.
 */
public final class BinanceProtocol implements StreamProtocol {
  /** Asked once per event on the socket thread; {@link SourceId#id} builds a new string. */
  private static final String SOURCE = SourceId.BINANCE.id();

  /** "A single connection is only valid for 24 hours" (§C.1). */
  static final Duration MAX_CONNECTION_AGE = Duration.ofHours(24);

  /**
   * {@code !forceOrder@arr} covers every symbol but sends at most one order per symbol per second,
   * and only when something is liquidated; a calm market can be quiet for a minute.
   */
  static final Duration LIQUIDATION_SILENCE = Duration.ofSeconds(60);

  /** Aggregate trades of a listed perpetual arrive every 100 ms while it trades at all. */
  static final Duration TRADES_SILENCE = Duration.ofSeconds(30);

  private final FrameReader reader;
  private final BinanceFastPath fastPath;
  private final BinanceEvents events;

  public BinanceProtocol(InstrumentCatalog instruments, ObjectMapper mapper) {
    this.reader = new FrameReader(mapper);
    this.fastPath = new BinanceFastPath(mapper.getFactory());
    this.events = new BinanceEvents(Objects.requireNonNull(instruments, "instruments is null"));
  }

  @Override
  public String source() {
    return SOURCE;
  }

  /**
   * {@code <base>/stream?streams=<topic>/<topic>}, e.g. {@code
   * wss://fstream.binance.com/market/stream?streams=!forceOrder@arr/btcusdt@aggTrade}.
   *
   * @throws IllegalArgumentException without topics
   */
  @Override
  public URI endpoint(URI base, List<String> topics) {
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("Binance needs at least one stream in the URL");
    }
    String root = base.toString();
    if (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    return URI.create(root + "/stream?streams=" + String.join("/", topics));
  }

  /** None: the URL subscribes. */
  @Override
  public List<String> subscribeMessages(List<String> topics) {
    return List.of();
  }

  @Override
  public boolean acknowledgesSubscriptions() {
    return false;
  }

  /** The answer to a live {@code SUBSCRIBE}, {@code {"result":null,"id":N}}, never sent here. */
  @Override
  public boolean isSubscribeAck(String frame) {
    return reader
        .tryObject(frame)
        .filter(root -> isAck(root) && root.get("result").isNull())
        .isPresent();
  }

  @Override
  public Optional<Heartbeat> heartbeat() {
    return Optional.empty();
  }

  /** Binance pings (every 3 minutes) and OkHttp answers; no client pings are needed. */
  @Override
  public Duration protocolPingInterval() {
    return Duration.ZERO;
  }

  @Override
  public Duration maxSilence(List<String> topics) {
    return topics.stream().anyMatch(t -> t.endsWith("@aggTrade"))
        ? TRADES_SILENCE
        : LIQUIDATION_SILENCE;
  }

  @Override
  public Optional<Duration> maxConnectionAge() {
    return Optional.of(MAX_CONNECTION_AGE);
  }

  /**
   * The plain single-payload trade or liquidation frame (nearly every frame) is read in one
   * streaming pass ({@link BinanceFastPath}); anything else, including every malformed frame, goes
   * the tree path below, which is the definition of the format.
   */
  @Override
  public Decoded decode(String frame, Instant receivedAt) {
    return reader.decode(frame, this::decodeFrame);
  }

  private Decoded decodeFrame(String frame) {
    Object payload = fastPath.read(frame);
    if (payload instanceof BinanceWire.AggTrade trade) {
      return Batch.ofOne("data", () -> events.trade(trade));
    }
    if (payload instanceof BinanceWire.ForceOrder order) {
      return Batch.ofOne("data", () -> events.liquidation(order));
    }
    return decodeTree(frame);
  }

  /**
   * {@link #decode} without the fast path: the reference it must agree with, for tests and
   * benchmarks.
   */
  Decoded decodeByTree(String frame) {
    return reader.decode(frame, this::decodeTree);
  }

  private Decoded decodeTree(String frame) {
    JsonNode root = reader.object(frame);
    if (isAck(root)) {
      return Decoded.control();
    }
    if (root.has("error")) {
      return Decoded.rejected(FrameReader.shorten("Binance error " + root.get("error")));
    }
    if (root.has("code") && root.has("msg")) {
      return Decoded.rejected(
          FrameReader.shorten(
              "Binance error " + root.get("code") + ": " + root.path("msg").asText()));
    }
    JsonNode payload = root.has("stream") ? root.get("data") : root;
    if (payload == null) {
      throw new WireFormatException("combined-stream frame without data");
    }
    if (payload.isArray()) {
      return Batch.ofEach(payload, "data", this::event);
    }
    return Batch.ofOne("data", () -> event(payload));
  }

  private MarketEvent event(JsonNode payload) {
    JsonNode type = payload.get("e");
    String name = type == null ? "" : type.asText();
    return switch (name) {
      case "forceOrder" -> events.liquidation(reader.read(payload, BinanceWire.ForceOrder.class));
      case "aggTrade" -> events.trade(reader.read(payload, BinanceWire.AggTrade.class));
      default -> throw new WireFormatException("unknown event type " + type);
    };
  }

  private static boolean isAck(JsonNode root) {
    return root.has("result") && root.has("id") && !root.has("stream");
  }
}
