package io.teleglas.alertbot.poll;

import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs tasks only when the test moves its clock with {@link #advance}, on the
 * test's thread, so polls happen exactly when a test says. Counts the periodic schedules still
 * active, to catch a poller that schedules itself twice. Thread-safe.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final MutableClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private boolean shutdown;

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  /** Moves the clock by {@code by}, running each task as it falls due, in time order. */
  void advance(Duration by) {
    Instant end = clock.instant().plus(by);
    for (Optional<Task> next = nextDue(end); next.isPresent(); next = nextDue(end)) {
      Task task = next.get();
      if (task.due.isAfter(clock.instant())) {
        clock.advance(Duration.between(clock.instant(), task.due));
      }
      task.runOnce();
    }
    clock.advance(Duration.between(clock.instant(), end));
  }

  /** Runs what is due now without moving the clock. */
  void runDue() {
    advance(Duration.ZERO);
  }

  /** Periodic tasks scheduled and not cancelled. */
  synchronized long activeSchedules() {
    return tasks.stream().filter(t -> t.period != null && !t.cancelled).count();
  }

  private synchronized Optional<Task> nextDue(Instant end) {
    tasks.removeIf(t -> t.cancelled || t.done);
    return tasks.stream().filter(t -> !t.due.isAfter(end)).min(Comparator.comparing(t -> t.due));
  }

  private synchronized Task add(Runnable body, long delay, Duration period, TimeUnit unit) {
    if (shutdown) {
      throw new RejectedExecutionException("shut down");
    }
    Task task = new Task(body, clock.instant().plusNanos(unit.toNanos(delay)), period);
    tasks.add(task);
    return task;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(command, delay, null, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not used by the pollers");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return add(command, initialDelay, Duration.ofNanos(unit.toNanos(period)), unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return scheduleAtFixedRate(command, initialDelay, delay, unit);
  }

  @Override
  public void execute(Runnable command) {
    add(command, 0, null, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    tasks.clear();
    return List.of();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Task implements ScheduledFuture<Object> {
    private final Runnable body;
    private final Duration period;
    private Instant due;
    private volatile boolean cancelled;
    private volatile boolean done;

    Task(Runnable body, Instant due, Duration period) {
      this.body = body;
      this.due = due;
      this.period = period;
    }

    void runOnce() {
      if (period == null) {
        done = true;
      } else {
        due = due.plus(period);
      }
      body.run();
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean wasActive = !cancelled && !done;
      cancelled = true;
      return wasActive;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled || done;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException("not used by the pollers");
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException("not used by the pollers");
    }
  }
}
