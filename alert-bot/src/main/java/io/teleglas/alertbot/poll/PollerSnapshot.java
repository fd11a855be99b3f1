package io.teleglas.alertbot.poll;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One poller as the health endpoints show it.
 *
 * @param name what is polled
 * @param state whether it polls and how that goes
 * @param polls polls answered since start, successful or not
 * @param errors failed requests since start (plan refusals, rate limits, timeouts, errors, polls
 *     given up unanswered)
 * @param emitted events handed to the sink since start, after de-duplication
 * @param lastPoll when the latest poll was answered
 * @param lastFailure the latest failure, user-presentable
 */
public record PollerSnapshot(
    String name,
    State state,
    long polls,
    long errors,
    long emitted,
    Optional<Instant> lastPoll,
    Optional<String> lastFailure) {

  /** Whether a poller polls and how that goes. */
  public enum State {
    /** Not polling: never started, or stopped because the streams are back. */
    STOPPED,
    /** Polling; the latest poll succeeded (or none has been answered yet). */
    POLLING,
    /** Polling; the latest poll failed, and polling goes on. */
    FAILING,
    /** Stopped for good: the upstream refused the endpoint for the plan, retrying cannot help. */
    REFUSED
  }

  public PollerSnapshot {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(state, "state is null");
    Objects.requireNonNull(lastPoll, "lastPoll is null");
    Objects.requireNonNull(lastFailure, "lastFailure is null");
  }

  /** Polling now, successfully or not. */
  public boolean running() {
    return state == State.POLLING || state == State.FAILING;
  }
}
