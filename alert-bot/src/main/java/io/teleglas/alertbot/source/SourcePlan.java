package io.teleglas.alertbot.source;

import io.teleglas.alertbot.stream.StreamProtocol;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What to open for one configured source: its protocol, its WebSocket base and the topics, in the
 * venue's notation. {@code aggregator} marks a source that relays every exchange's liquidations
 * (CoinGlass): while it is active, the exchanges' own liquidation streams are kept warm but not fed
 * to the engine.
 */
public record SourcePlan(
    String source, StreamProtocol protocol, URI base, List<String> topics, boolean aggregator) {
  public SourcePlan {
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(protocol, "protocol is null");
    Objects.requireNonNull(base, "base is null");
    topics = List.copyOf(topics);
    if (topics.isEmpty()) {
      throw new IllegalArgumentException(source + " has no topic");
    }
  }
}
