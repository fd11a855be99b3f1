package io.teleglas.alertbot.ha;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's claim on a {@link Lease}: a standby tries to take it every {@code
 * retryEvery}; the leader renews it every {@code renewEvery}. The leader trusts its lease only
 * until {@code ttl − margin} after the start of its last successful renewal, measured on this
 * machine's monotonic clock: past that it stops calling itself leader, before the store can hand
 * the lease to someone else. So at most one instance acts as leader at a time, as long as the
 * machines' clocks run at the same rate (not the same time) and the margin covers the delay of one
 * round trip.
 *
 * <p>{@link #isLeader()} is the fence: whatever must only happen on the leader (sending to
 * Telegram, polling for updates) asks it right before doing so. {@link Listener} hears the changes
 * on its own thread, in order, so a slow start-up of the leader's parts never delays a renewal.
 *
 * <p>Thread-safety: {@link #step()} runs on the election thread (or a test's); {@link #isLeader()}
 * and {@link #role()} from any thread.
 */
public final class LeaderElection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  /** Hears leadership change, on the election's event thread. */
  public interface Listener {
    /** This instance now holds the lease: start acting as leader. */
    void elected();

    /** This instance no longer holds the lease (or cannot tell): stop acting as leader. */
    void lost(String why);
  }

  /** The timings; the defaults give a take-over within {@code ttl + retryEvery} of a crash. */
  public record Timing(Duration ttl, Duration renewEvery, Duration retryEvery, Duration margin) {
    /** 15 s lease renewed every 5 s, trusted for 12 s; a standby asks every 2 s. */
    public static final Timing DEFAULT =
        new Timing(
            Duration.ofSeconds(15),
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3));

    public Timing {
      requireNonNull(ttl, "ttl is null");
      requireNonNull(renewEvery, "renewEvery is null");
      requireNonNull(retryEvery, "retryEvery is null");
      requireNonNull(margin, "margin is null");
      if (retryEvery.isNegative() || retryEvery.isZero()) {
        throw new IllegalArgumentException("retryEvery must be positive");
      }
      if (margin.isNegative() || renewEvery.isNegative() || renewEvery.isZero()) {
        throw new IllegalArgumentException("renewEvery must be positive and margin not negative");
      }
      if (renewEvery.plus(margin).compareTo(ttl) >= 0) {
        throw new IllegalArgumentException(
            "renewEvery + margin must be shorter than ttl, got " + renewEvery + " + " + margin);
      }
    }
  }

  private final Lease lease;
  private final Timing timing;
  private final LongSupplier nanoTime;
  private final Listener listener;
  private final Executor events;
  private final Thread thread;

  private volatile boolean leader;
  private volatile long trustedUntil;
  private volatile boolean running;
  private boolean failing;

  /**
   * @param nanoTime a monotonic clock ({@code System::nanoTime})
   * @param events where {@link Listener} runs, one task at a time in order
   */
  public LeaderElection(
      Lease lease,
      Timing timing,
      LongSupplier nanoTime,
      Listener listener,
      Executor events,
      ThreadFactory threads) {
    this.lease = requireNonNull(lease, "lease is null");
    this.timing = requireNonNull(timing, "timing is null");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.events = requireNonNull(events, "events is null");
    this.thread = threads.newThread(this::loop);
    thread.setDaemon(true);
  }

  /** True while this instance holds the lease and may still trust it. */
  public boolean isLeader() {
    return leader && nanoTime.getAsLong() - trustedUntil < 0;
  }

  /** {@code leader} or {@code standby}, for health and status. */
  public String role() {
    return isLeader() ? "leader" : "standby";
  }

  /** Starts the election thread. */
  public void start() {
    running = true;
    thread.start();
  }

  /**
   * One round: a standby tries to take the lease, a leader renews it or, when it can no longer
   * trust it, steps down. Returns how long to wait before the next round.
   */
  Duration step() {
    long started = nanoTime.getAsLong();
    boolean held;
    try {
      held = lease.tryAcquire();
      if (failing) {
        log.info("the lease store answers again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        log.warn("cannot reach the lease store: {}", e.toString());
        failing = true;
      }
      return afterFailure(started, "the lease store cannot be reached: " + e.getMessage());
    }
    if (held) {
      trustedUntil = started + timing.ttl().minus(timing.margin()).toNanos();
      if (!leader) {
        leader = true;
        log.info("took the {}: acting as leader", lease);
        events.execute(listener::elected);
      }
      return timing.renewEvery();
    }
    if (leader) {
      stepDown("another instance holds the lease now");
    }
    return timing.retryEvery();
  }

  private Duration afterFailure(long now, String why) {
    if (!leader) {
      return timing.retryEvery();
    }
    long left = trustedUntil - now;
    if (left <= 0) {
      stepDown(why);
      return timing.retryEvery();
    }
    return Duration.ofNanos(Math.min(left, timing.retryEvery().toNanos()));
  }

  private void stepDown(String why) {
    leader = false;
    log.error("lost the {}: {}", lease, why);
    events.execute(() -> listener.lost(why));
  }

  private void loop() {
    while (running) {
      Duration wait = step();
      // After a renewal the lease may run out while we sleep; wake in time to step down.
      if (leader) {
        long left = trustedUntil - nanoTime.getAsLong();
        wait = Duration.ofNanos(Math.max(0, Math.min(wait.toNanos(), left)));
      }
      try {
        TimeUnit.NANOSECONDS.sleep(wait.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops the election; a leader gives the lease up, so a standby takes over at once. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (leader) {
      leader = false;
      try {
        lease.release();
        log.info("gave up the {}", lease);
      } catch (RuntimeException e) {
        log.warn("could not give up the {}; it expires on its own: {}", lease, e.toString());
      }
    }
  }
}
