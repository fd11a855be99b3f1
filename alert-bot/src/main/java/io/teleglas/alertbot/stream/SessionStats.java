package io.teleglas.alertbot.stream;

import io.teleglas.alertbot.stream.SessionSnapshot.Counts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The counters and times of one session, written from socket threads. Thread-safe. */
final class SessionStats {
  /** Weight of the newest latency sample: about the last ten events dominate the average. */
  private static final double LATENCY_ALPHA = 0.1;

  private long messages;
  private long events;
  private long invalidFrames;
  private long rejectedSubscriptions;
  private long sinkRefusals;
  private long reconnects;
  private Instant lastMessageAt;
  private Instant lastEventAt;
  private Duration lastLatency;
  private double averageLatencyNanos = Double.NaN;

  synchronized void message(Instant at) {
    messages++;
    lastMessageAt = at;
  }

  synchronized void event(Instant eventTime, Instant receivedAt, boolean accepted) {
    events++;
    if (!accepted) {
      sinkRefusals++;
    }
    lastEventAt = receivedAt;
    lastLatency = Duration.between(eventTime, receivedAt);
    long sample = lastLatency.toNanos();
    averageLatencyNanos =
        Double.isNaN(averageLatencyNanos)
            ? sample
            : averageLatencyNanos + LATENCY_ALPHA * (sample - averageLatencyNanos);
  }

  synchronized void invalidFrame() {
    invalidFrames++;
  }

  synchronized void rejectedSubscription() {
    rejectedSubscriptions++;
  }

  synchronized void reconnect() {
    reconnects++;
  }

  synchronized Counts counts() {
    return new Counts(
        messages, events, invalidFrames, rejectedSubscriptions, sinkRefusals, reconnects);
  }

  /** A snapshot of these figures with the session's own state around them. */
  synchronized SessionSnapshot snapshot(
      String source,
      List<String> topics,
      SessionState state,
      Optional<Instant> connectedSince,
      int failedAttempts,
      Optional<String> lastProblem) {
    return new SessionSnapshot(
        source,
        topics,
        state,
        connectedSince,
        Optional.ofNullable(lastMessageAt),
        Optional.ofNullable(lastEventAt),
        Optional.ofNullable(lastLatency),
        Double.isNaN(averageLatencyNanos)
            ? Optional.empty()
            : Optional.of(Duration.ofNanos(Math.round(averageLatencyNanos))),
        failedAttempts,
        lastProblem,
        counts());
  }
}
