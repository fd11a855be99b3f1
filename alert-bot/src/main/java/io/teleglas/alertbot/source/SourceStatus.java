package io.teleglas.alertbot.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured source as the health endpoints show it ({@code SOURCE} in the contract).
 *
 * @param source the name from {@code ALERT_SOURCES}, e.g. {@code binance}
 * @param connected at least one of its sockets is open and subscribed
 * @param healthy connected and has delivered a frame within its staleness window
 * @param state a short word: {@code live}, {@code connecting}, {@code stale}, {@code backing-off},
 *     {@code closed}, {@code polling} (REST fallback)
 * @param latency event time to arrival of its latest events, when known
 * @param lastUpdate when it last delivered a frame
 * @param messagesReceived frames received since start
 * @param errors unreadable frames, refused subscriptions and failed connections since start
 * @param reconnects reconnections since start
 */
public record SourceStatus(
    String source,
    boolean connected,
    boolean healthy,
    String state,
    Optional<Duration> latency,
    Optional<Instant> lastUpdate,
    long messagesReceived,
    long errors,
    long reconnects) {
  public SourceStatus {
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(state, "state is null");
    Objects.requireNonNull(latency, "latency is null");
    Objects.requireNonNull(lastUpdate, "lastUpdate is null");
  }
}
