package io.teleglas.alertbot.stream;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one stream is doing, for health endpoints and metrics. Immutable.
 *
 * @param source the protocol's source name, e.g. {@code binance}
 * @param topics the topics subscribed, in the venue's notation
 * @param state where the session is now
 * @param connectedSince when the current socket opened; empty while not connected
 * @param lastMessageAt when the last frame of any kind arrived
 * @param lastEventAt when the last market event arrived
 * @param lastLatency event time to receive time of the last event (negative if clocks disagree)
 * @param averageLatency exponentially weighted average of the same
 * @param failedAttempts attempts failed or connections lost since the session was last live
 * @param lastProblem why the last connection ended, or the venue's last error
 * @param counts totals since the session started
 */
public record SessionSnapshot(
    String source,
    List<String> topics,
    SessionState state,
    Optional<Instant> connectedSince,
    Optional<Instant> lastMessageAt,
    Optional<Instant> lastEventAt,
    Optional<Duration> lastLatency,
    Optional<Duration> averageLatency,
    int failedAttempts,
    Optional<String> lastProblem,
    Counts counts) {

  public SessionSnapshot {
    requireNonNull(source, "source is null");
    topics = List.copyOf(topics);
    requireNonNull(state, "state is null");
    requireNonNull(connectedSince, "connectedSince is null");
    requireNonNull(lastMessageAt, "lastMessageAt is null");
    requireNonNull(lastEventAt, "lastEventAt is null");
    requireNonNull(lastLatency, "lastLatency is null");
    requireNonNull(averageLatency, "averageLatency is null");
    requireNonNull(lastProblem, "lastProblem is null");
    requireNonNull(counts, "counts is null");
  }

  /** The same snapshot with {@code earlier} added to its counts (a rotated-out connection's). */
  public SessionSnapshot plusCounts(Counts earlier) {
    return new SessionSnapshot(
        source,
        topics,
        state,
        connectedSince,
        lastMessageAt,
        lastEventAt,
        lastLatency,
        averageLatency,
        failedAttempts,
        lastProblem,
        counts.plus(earlier));
  }

  /**
   * Totals.
   *
   * @param messages frames received, of any kind
   * @param events market events decoded and offered to the sink
   * @param invalidFrames frames that could not be read, wholly or partly
   * @param rejectedSubscriptions subscriptions or requests the venue refused
   * @param sinkRefusals events the sink refused (its queue was full)
   * @param reconnects connection attempts after the first
   */
  public record Counts(
      long messages,
      long events,
      long invalidFrames,
      long rejectedSubscriptions,
      long sinkRefusals,
      long reconnects) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
      return new Counts(
          messages + o.messages,
          events + o.events,
          invalidFrames + o.invalidFrames,
          rejectedSubscriptions + o.rejectedSubscriptions,
          sinkRefusals + o.sinkRefusals,
          reconnects + o.reconnects);
    }
  }
}
