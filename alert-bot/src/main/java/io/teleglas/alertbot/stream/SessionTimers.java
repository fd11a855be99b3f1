package io.teleglas.alertbot.stream;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's view of the shared scheduler: every task is guarded (a throwing periodic task would
 * otherwise silently never run again), and a scheduler that is shutting down turns a task into null
 * instead of an exception on a socket thread.
 */
final class SessionTimers {
  private static final Logger log = LoggerFactory.getLogger(SessionTimers.class);

  private final ScheduledExecutorService scheduler;
  private final String owner;

  SessionTimers(ScheduledExecutorService scheduler, String owner) {
    this.scheduler = scheduler;
    this.owner = owner;
  }

  /** Runs {@code task} once after {@code delay}; null if the scheduler no longer takes tasks. */
  ScheduledFuture<?> after(Duration delay, Runnable task) {
    try {
      return scheduler.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  /** Runs {@code task} every {@code period}, first after one period; null as for {@link #after}. */
  ScheduledFuture<?> every(Duration period, Runnable task) {
    try {
      long nanos = period.toNanos();
      return scheduler.scheduleAtFixedRate(guarded(task), nanos, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  /** Runs {@code task} soon, off the calling thread; dropped if the scheduler is stopping. */
  void execute(Runnable task) {
    try {
      scheduler.execute(guarded(task));
    } catch (RejectedExecutionException e) {
      log.debug("{}: scheduler stopped; task dropped", owner);
    }
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("{}: scheduled task failed", owner, e);
      }
    };
  }
}
