package io.teleglas.alertbot.poll;

/**
 * A REST poller that stands in for liquidation streams while they are down: polls one upstream at a
 * fixed interval and hands each event not seen before to the event sink. {@link FallbackPolling}
 * starts and stops the pollers; all methods are thread-safe.
 */
public interface Poller {

  /** What is polled, for logs and the health endpoints, e.g. {@code OKX liquidation orders}. */
  String name();

  /**
   * Polls at once and then at the poller's interval. Does nothing while already polling, and for a
   * poller the upstream refused for good (a plan that lacks the endpoint).
   */
  void start();

  /**
   * Stops polling: nothing more is requested, and a poll still awaiting its answer is abandoned
   * with its events. Does nothing when not polling.
   */
  void stop();

  /** The poller's state and counters now. */
  PollerSnapshot snapshot();
}
