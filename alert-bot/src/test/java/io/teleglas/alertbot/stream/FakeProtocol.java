package io.teleglas.alertbot.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.testing.WebSocketTestServer.Connection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A venue protocol of our own for session tests. The URL is {@code /ws?topics=A,B}; each topic is
 * subscribed with {@code {"op":"subscribe","topic":"A"}} and acknowledged with {@code
 * {"op":"subscribed","topic":"A"}} or refused with {@code {"op":"error",...}}; data frames are
 * {@code {"type":"trade","id":"7","coin":"BTC","px":"50000","sz":"0.1","side":"buy","time":...}}.
 */
record FakeProtocol(
    boolean acknowledgesSubscriptions,
    Optional<Heartbeat> heartbeat,
    Duration maxSilence,
    Optional<Duration> maxConnectionAge)
    implements StreamProtocol {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Acks subscriptions, no heartbeat, 30 s of silence allowed, no age limit. */
  static FakeProtocol acking() {
    return new FakeProtocol(true, Optional.empty(), Duration.ofSeconds(30), Optional.empty());
  }

  FakeProtocol withHeartbeat(Duration interval) {
    return new FakeProtocol(
        acknowledgesSubscriptions,
        Optional.of(new Heartbeat("ping", interval, "pong")),
        maxSilence,
        maxConnectionAge);
  }

  FakeProtocol withMaxSilence(Duration silence) {
    return new FakeProtocol(acknowledgesSubscriptions, heartbeat, silence, maxConnectionAge);
  }

  FakeProtocol withMaxConnectionAge(Duration age) {
    return new FakeProtocol(acknowledgesSubscriptions, heartbeat, maxSilence, Optional.of(age));
  }

  static String subscribe(String topic) {
    return "{\"op\":\"subscribe\",\"topic\":\"" + topic + "\"}";
  }

  static String ack(String topic) {
    return "{\"op\":\"subscribed\",\"topic\":\"" + topic + "\"}";
  }

  static String trade(String id, Instant time) {
    return "{\"type\":\"trade\",\"id\":\""
        + id
        + "\",\"coin\":\"BTC\",\"px\":\"50000\",\"sz\":\"0.1\",\"side\":\"buy\",\"time\":"
        + time.toEpochMilli()
        + "}";
  }

  /** A server that acks every subscription and, if {@code answerPings}, answers ping with pong. */
  static BiConsumer<Connection, String> venue(boolean answerPings) {
    return (connection, text) -> {
      if (text.equals("ping") && answerPings) {
        connection.send("pong");
      } else if (text.startsWith("{\"op\":\"subscribe\"")) {
        connection.send(ack(topicOf(text)));
      }
    };
  }

  static String topicOf(String subscribeMessage) {
    try {
      return JSON.readTree(subscribeMessage).path("topic").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(subscribeMessage, e);
    }
  }

  @Override
  public String source() {
    return "fake";
  }

  @Override
  public URI endpoint(URI base, List<String> topics) {
    return URI.create(base + "/ws?topics=" + String.join(",", topics));
  }

  @Override
  public List<String> subscribeMessages(List<String> topics) {
    return topics.stream().map(FakeProtocol::subscribe).toList();
  }

  @Override
  public boolean isSubscribeAck(String frame) {
    return frame.startsWith("{\"op\":\"subscribed\"");
  }

  @Override
  public Duration protocolPingInterval() {
    return Duration.ZERO;
  }

  @Override
  public Duration maxSilence(List<String> topics) {
    return maxSilence;
  }

  @Override
  public Decoded decode(String frame, Instant receivedAt) {
    JsonNode node;
    try {
      node = JSON.readTree(frame);
    } catch (JsonProcessingException e) {
      return Decoded.invalid("not JSON");
    }
    if (node == null || !node.isObject()) {
      return Decoded.invalid("not a JSON object");
    }
    String op = node.path("op").asText();
    if (op.equals("subscribed")) {
      return Decoded.control();
    }
    if (op.equals("error")) {
      return Decoded.rejected(node.path("msg").asText());
    }
    if (!node.path("type").asText().equals("trade")) {
      return Decoded.invalid("unknown frame");
    }
    try {
      double px = Double.parseDouble(node.path("px").asText());
      double sz = Double.parseDouble(node.path("sz").asText());
      return Decoded.data(
          List.of(
              new Trade(
                  Exchange.BINANCE,
                  new Coin(node.path("coin").asText()),
                  node.path("coin").asText() + "USDT",
                  node.path("side").asText().equals("buy") ? TakerSide.BUY : TakerSide.SELL,
                  px,
                  sz,
                  px * sz,
                  Instant.ofEpochMilli(node.path("time").asLong()),
                  node.path("id").asText())));
    } catch (RuntimeException e) {
      return Decoded.invalid(e.getMessage());
    }
  }
}
