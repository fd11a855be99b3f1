package io.teleglas.alertbot.stream;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * What every stream session of a process shares: the one {@link OkHttpClient}, the one scheduler
 * (heartbeats, watchdogs, reconnects, listener calls), the clock, the reconnect policy, and the
 * timing of acks and rotations. The caller owns the client and the scheduler and shuts them down
 * after closing the sessions.
 *
 * @param client the process's client; each session derives one with its protocol's ping interval
 * @param scheduler runs every timed task of the sessions and their listener calls
 * @param clock the source of receive times, ages and silence
 * @param backoffs makes one fresh {@link Backoff} per session
 * @param ackTimeout how long a session waits for subscription acks before reconnecting
 * @param rotationMargin how long before a venue's maximum connection age a replacement is opened
 */
public record StreamContext(
    OkHttpClient client,
    ScheduledExecutorService scheduler,
    Clock clock,
    Supplier<Backoff> backoffs,
    Duration ackTimeout,
    Duration rotationMargin) {

  public StreamContext {
    requireNonNull(client, "client is null");
    requireNonNull(scheduler, "scheduler is null");
    requireNonNull(clock, "clock is null");
    requireNonNull(backoffs, "backoffs is null");
    positive(ackTimeout, "ackTimeout");
    positive(rotationMargin, "rotationMargin");
  }

  /**
   * System clock, {@link Backoff#standard()}, acks within 10 s, rotation 5 min before the maximum
   * age (Binance: at 23 h 55 min).
   */
  public static StreamContext of(OkHttpClient client, ScheduledExecutorService scheduler) {
    return new StreamContext(
        client,
        scheduler,
        Clock.systemUTC(),
        Backoff::standard,
        Duration.ofSeconds(10),
        Duration.ofMinutes(5));
  }

  public StreamContext withClock(Clock newClock) {
    return new StreamContext(client, scheduler, newClock, backoffs, ackTimeout, rotationMargin);
  }

  public StreamContext withBackoffs(Supplier<Backoff> newBackoffs) {
    return new StreamContext(client, scheduler, clock, newBackoffs, ackTimeout, rotationMargin);
  }

  public StreamContext withAckTimeout(Duration newAckTimeout) {
    return new StreamContext(client, scheduler, clock, backoffs, newAckTimeout, rotationMargin);
  }

  public StreamContext withRotationMargin(Duration newRotationMargin) {
    return new StreamContext(client, scheduler, clock, backoffs, ackTimeout, newRotationMargin);
  }

  private static void positive(Duration d, String name) {
    requireNonNull(d, name + " is null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, got " + d);
    }
  }
}
