package io.teleglas.alertbot.source.coinglass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teleglas.alertbot.config.SourceId;
import io.teleglas.alertbot.source.Batch;
import io.teleglas.alertbot.source.FrameReader;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.StreamProtocol;
import io.teleglas.core.config.Secret;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.InstrumentCatalog;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CoinGlass WebSocket (market-apis.md §B): the key in the URL, {@code
 * {"method":"subscribe","channels":[...]}}, a text {@code ping} every 20 s answered by {@code
 * pong}, and no documented subscription acknowledgement. The liquidation channel is documented as
 * {@code liquidationOrders} and as {@code liquidation_orders} with two field spellings; frames of
 * either name and either spelling are decoded. Needs a Standard plan or above (§B.6).
 */
public final class CoinglassProtocol implements StreamProtocol {
  /** Asked once per event on the socket thread; {@link SourceId#id} builds a new string. */
  private static final String SOURCE = SourceId.COINGLASS.id();

  /** The liquidation channel of the official docs repository (§B.3 shape 1). */
  public static final String DEFAULT_LIQUIDATION_CHANNEL = "liquidationOrders";

  private static final List<String> LIQUIDATION_CHANNELS =
      List.of("liquidationOrders", "liquidation_orders");
  private static final String TRADES_PREFIX = "futures_trades@";

  /** CoinGlass recommends a ping every 20 seconds (§B.1). */
  static final Duration PING_INTERVAL = Duration.ofSeconds(20);

  /** All exchanges' liquidations on one channel; a calm market can be quiet for a minute. */
  static final Duration LIQUIDATION_SILENCE = Duration.ofSeconds(60);

  /** Trades above a minimum USD size ({@code @10000}): the rate depends on pair and minimum. */
  static final Duration TRADES_SILENCE = Duration.ofMinutes(5);

  private final Secret apiKey;
  private final String liquidationChannel;
  private final FrameReader reader;
  private final CoinglassEvents events;

  /** With the default liquidation channel {@value #DEFAULT_LIQUIDATION_CHANNEL}. */
  public CoinglassProtocol(Secret apiKey, InstrumentCatalog instruments, ObjectMapper mapper) {
    this(apiKey, DEFAULT_LIQUIDATION_CHANNEL, instruments, mapper);
  }

  /**
   * @param liquidationChannel the liquidation channel name to subscribe to; frames of either
   *     documented name are decoded whatever this is
   */
  public CoinglassProtocol(
      Secret apiKey,
      String liquidationChannel,
      InstrumentCatalog instruments,
      ObjectMapper mapper) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey is null");
    Objects.requireNonNull(liquidationChannel, "liquidationChannel is null");
    if (liquidationChannel.isBlank()) {
      throw new IllegalArgumentException("liquidationChannel is blank");
    }
    this.liquidationChannel = liquidationChannel;
    this.reader = new FrameReader(mapper);
    this.events = new CoinglassEvents(Objects.requireNonNull(instruments, "instruments is null"));
  }

  /** The liquidation channel to subscribe to. */
  public String liquidationChannel() {
    return liquidationChannel;
  }

  /**
   * The futures-trades channel in the documented form {@code
   * futures_trades@{exchange}_{symbol}@{minVol}}, e.g. {@code futures_trades@Binance_BTCUSDT@10000}
   * (§B.2; the old client's {@code Binance@BTCUSDT} form gets no data).
   *
   * @param minUsd the smallest trade CoinGlass should send, in USD
   */
  public static String tradesChannel(Exchange exchange, String symbol, long minUsd) {
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(symbol, "symbol is null");
    if (minUsd < 0) {
      throw new IllegalArgumentException("minUsd < 0: " + minUsd);
    }
    return TRADES_PREFIX + exchange.name() + "_" + symbol + "@" + minUsd;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public URI endpoint(URI base, List<String> topics) {
    String separator = base.getRawQuery() == null ? "?" : "&";
    return URI.create(
        base
            + separator
            + "cg-api-key="
            + URLEncoder.encode(apiKey.reveal(), StandardCharsets.UTF_8));
  }

  @Override
  public List<String> subscribeMessages(List<String> topics) {
    if (topics.isEmpty()) {
      return List.of();
    }
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("method", "subscribe");
    topics.forEach(message.putArray("channels")::add);
    return List.of(message.toString());
  }

  /** CoinGlass documents no acknowledgement (§B.1). */
  @Override
  public boolean acknowledgesSubscriptions() {
    return false;
  }

  @Override
  public boolean isSubscribeAck(String frame) {
    return false;
  }

  @Override
  public Optional<Heartbeat> heartbeat() {
    return Optional.of(new Heartbeat("ping", PING_INTERVAL, "pong"));
  }

  @Override
  public Duration protocolPingInterval() {
    return Duration.ZERO;
  }

  /** The window of the busiest topic: any one of them arriving keeps the connection fresh. */
  @Override
  public Duration maxSilence(List<String> topics) {
    return topics.stream().anyMatch(this::isLiquidationChannel)
        ? LIQUIDATION_SILENCE
        : TRADES_SILENCE;
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
    if (frame.equals("pong")) {
      return Decoded.control();
    }
    JsonNode root = reader.object(frame);
    JsonNode channel = root.get("channel");
    if (channel == null || !channel.isTextual()) {
      throw new WireFormatException("frame has no channel");
    }
    String name = channel.asText();
    JsonNode data = root.get("data");
    if (isLiquidationChannel(name)) {
      return Batch.ofEach(
          data, "data", item -> events.liquidation(reader.read(item, CoinglassWire.class)));
    }
    if (name.startsWith(TRADES_PREFIX)) {
      return Batch.ofEach(
          data, "data", item -> events.trade(reader.read(item, CoinglassWire.class)));
    }
    throw new WireFormatException("unknown channel " + name);
  }

  private boolean isLiquidationChannel(String name) {
    return name.equals(liquidationChannel) || LIQUIDATION_CHANNELS.contains(name);
  }
}
