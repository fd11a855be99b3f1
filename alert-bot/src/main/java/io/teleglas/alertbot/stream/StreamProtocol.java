package io.teleglas.alertbot.stream;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One venue's WebSocket protocol as a session needs it: where to connect, how to subscribe and
 * recognise the acknowledgement, how to keep the connection alive, and how to decode frames into
 * normalized events. Implementations are stateless and thread-safe (a decoder may keep immutable
 * reference data such as contract sizes); {@link #decode} runs on the socket's reader thread and
 * must be fast and never throw.
 *
 * <p>Topics are in the venue's own notation, e.g. {@code !forceOrder@arr} and {@code
 * btcusdt@aggTrade} for Binance, {@code allLiquidation.BTCUSDT} for Bybit, {@code
 * liquidationOrders} for CoinGlass.
 */
public interface StreamProtocol {

  /**
   * The source name used in configuration, logs, metrics and health endpoints, e.g. {@code
   * binance}.
   */
  String source();

  /** The URL to open for {@code topics} under the configured base (may carry topics or a key). */
  URI endpoint(URI base, List<String> topics);

  /** Text frames to send right after the socket opens; empty when the URL already subscribes. */
  List<String> subscribeMessages(List<String> topics);

  /**
   * Whether the venue acknowledges subscriptions with a frame (then a session waits for it, see
   * {@link Decoded.Kind#CONTROL} and {@link #isSubscribeAck}); false when it just starts sending.
   */
  boolean acknowledgesSubscriptions();

  /** True for the frame that confirms the subscriptions sent. */
  boolean isSubscribeAck(String frame);

  /** The text heartbeat the venue wants (e.g. CoinGlass {@code ping} every 20 s), if any. */
  Optional<Heartbeat> heartbeat();

  /** Protocol-level ping interval (OkHttp {@code pingInterval}); zero for none. */
  Duration protocolPingInterval();

  /** How long a healthy connection with these topics may stay silent before it counts as stale. */
  Duration maxSilence(List<String> topics);

  /**
   * The longest a connection may live before the venue closes it (Binance: 24 h); empty if none.
   */
  Optional<Duration> maxConnectionAge();

  /** Decodes one text frame received at {@code receivedAt}. Never throws. */
  Decoded decode(String frame, Instant receivedAt);

  /** A text-frame heartbeat: what to send, how often, and how the answer looks. */
  record Heartbeat(String message, Duration interval, String expectedReply) {}
}
