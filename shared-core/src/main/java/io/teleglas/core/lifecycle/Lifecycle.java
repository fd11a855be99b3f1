package io.teleglas.core.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the running components of a process and stops them in the reverse of the order they were
 * added, each failure logged and the rest still stopped. {@code Main} adds each component right
 * after starting it and registers {@link #close()} as the one shutdown hook. Thread-safe.
 */
public final class Lifecycle implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  private record Entry(String name, AutoCloseable component) {}

  private final Deque<Entry> running = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  /** Registers a started component; returns it for chaining. */
  public synchronized <T extends AutoCloseable> T add(String name, T component) {
    if (closed) {
      throw new IllegalStateException("lifecycle already closed; cannot add " + name);
    }
    running.push(new Entry(name, component));
    return component;
  }

  /** Stops every component, last added first. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!running.isEmpty()) {
      Entry e = running.pop();
      long start = System.nanoTime();
      try {
        e.component().close();
        log.debug("stopped {} in {} ms", e.name(), (System.nanoTime() - start) / 1_000_000);
      } catch (Exception ex) {
        log.warn("stopping {} failed: {}", e.name(), ex.toString());
      }
    }
    stopped.countDown();
  }

  /** Blocks until {@link #close()} has stopped everything (e.g. after SIGTERM). */
  public void awaitClosed() throws InterruptedException {
    stopped.await();
  }

  /** Runs {@link #close()} when the JVM is asked to stop (SIGTERM, SIGINT, end of main). */
  public void closeOnShutdown(Runtime runtime) {
    runtime.addShutdownHook(
        new Thread(
            () -> {
              log.info("stopping");
              close();
            },
            "shutdown"));
  }
}
