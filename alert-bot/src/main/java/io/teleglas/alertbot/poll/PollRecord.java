package io.teleglas.alertbot.poll;

import io.teleglas.alertbot.poll.PollerSnapshot.State;
import io.teleglas.alertbot.stream.LogThrottle;
import io.teleglas.core.upstream.Fetched;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one poller has done and how it goes: its state, counters and the log lines of its
 * transitions (started, stopped, failing, working again, refused for good). Failures are logged at
 * WARN when they begin and then at most every five minutes with the count held back, so a poller
 * failing on every poll does not flood the log. Not thread-safe: its {@link PollLoop} guards it.
 */
final class PollRecord {
  private static final Duration WARN_EVERY = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(Poller.class);

  private final String name;
  private final LogThrottle failureLog;
  private State state = State.STOPPED;
  private long polls;
  private long errors;
  private long emitted;
  private Instant lastPoll;
  private String lastFailure;
  private boolean failureAnnounced;

  PollRecord(String name, Clock clock) {
    this.name = name;
    this.failureLog = new LogThrottle(clock, WARN_EVERY);
  }

  boolean isRefused() {
    return state == State.REFUSED;
  }

  void started(Duration interval) {
    state = State.POLLING;
    log.info("started polling {} every {}", name, shown(interval));
  }

  void stopped() {
    state = State.STOPPED;
    log.info("stopped polling {} ({} polls, {} errors, {} events)", name, polls, errors, emitted);
  }

  void answered(Instant at) {
    polls++;
    lastPoll = at;
  }

  void emitted() {
    emitted++;
  }

  /** Every request of a poll succeeded. */
  void succeeded() {
    if (state != State.FAILING) {
      return;
    }
    state = State.POLLING;
    if (failureAnnounced) {
      log.info("polling {} works again", name);
      failureAnnounced = false;
    }
  }

  /** {@code count} requests of a poll failed, the first for {@code detail}; polling goes on. */
  void failed(int count, String detail) {
    failed(count, detail, null);
  }

  /** A poll failed for a bug of ours: {@code cause} is logged with its stack when announced. */
  void failed(int count, String detail, Throwable cause) {
    errors += count;
    lastFailure = detail;
    state = State.FAILING;
    long heldBack = failureLog.admit();
    String requests = count == 1 ? "" : " (" + count + " requests)";
    if (heldBack == LogThrottle.SUPPRESSED) {
      log.debug("polling {} failed{}: {}", name, requests, detail);
      return;
    }
    failureAnnounced = true;
    String since = heldBack > 0 ? "; " + heldBack + " more failures since the last report" : "";
    log.warn("polling {} failed{}: {}{}; polling goes on", name, requests, detail, since, cause);
  }

  /** The upstream refused the endpoint for the plan: polling stops for good. */
  void refused(Fetched.Unavailable<?> refusal) {
    errors++;
    lastFailure = refusal.detail();
    state = State.REFUSED;
    log.warn(
        "stopped polling {} for good: {} refuses it ({}); polling again cannot help",
        name,
        refusal.source(),
        refusal.detail());
  }

  /** Why the poller does not start, for a DEBUG line. */
  Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  PollerSnapshot snapshot() {
    return new PollerSnapshot(
        name, state, polls, errors, emitted, Optional.ofNullable(lastPoll), lastFailure());
  }

  static String shown(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
