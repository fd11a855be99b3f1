package io.teleglas.alertbot.alert;

import io.teleglas.alertbot.market.MarketReading;
import io.teleglas.alertbot.stream.IngestQueue;
import io.teleglas.alertbot.stream.SourcedEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one thread: takes events from the ingest queue in arrival order and feeds the
 * engine; while the queue is idle, moves engine time to the wall clock minus {@link #LATENESS}, so
 * windows (storms) close even when the market goes quiet. Polled readings (funding, open interest)
 * arrive from other threads through {@link #offer} and are fed to the engine between events, so the
 * engine thread stays the only one touching rule state. Runs until interrupted.
 */
public final class EngineLoop implements Runnable {
  /** How late an event may arrive and still count in an open window. */
  static final Duration LATENESS = Duration.ofSeconds(5);

  /** Readings come a few per coin every few minutes; a full queue means the engine is stuck. */
  static final int READINGS_CAPACITY = 1024;

  private static final Logger log = LoggerFactory.getLogger(EngineLoop.class);

  private final IngestQueue queue;
  private final AlertEngine engine;
  private final Clock clock;
  private final Consumer<SourcedEvent> observer;
  private final BlockingQueue<MarketReading> readings =
      new LinkedBlockingQueue<>(READINGS_CAPACITY);
  private final AtomicLong readingsDropped = new AtomicLong();

  /**
   * {@code observer} sees every event before the engine does (e.g. {@code --dry-run} prints it).
   */
  public EngineLoop(
      IngestQueue queue, AlertEngine engine, Clock clock, Consumer<SourcedEvent> observer) {
    this.queue = queue;
    this.engine = engine;
    this.clock = clock;
    this.observer = observer;
  }

  /**
   * Hands a reading to the engine thread; thread-safe and never blocks. Returns false (and counts
   * the drop) when the queue is full.
   */
  public boolean offer(MarketReading reading) {
    if (readings.offer(reading)) {
      return true;
    }
    long dropped = readingsDropped.incrementAndGet();
    if (Long.bitCount(dropped) == 1) {
      log.warn("alert engine is not taking readings; dropped {} so far", dropped);
    }
    return false;
  }

  /** Readings dropped because the engine did not keep up. */
  public long readingsDropped() {
    return readingsDropped.get();
  }

  @Override
  public void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (MarketReading r = readings.poll(); r != null; r = readings.poll()) {
          engine.onReading(r);
        }
        SourcedEvent e = queue.take(Duration.ofSeconds(1));
        if (e != null) {
          observer.accept(e);
          engine.onEvent(e.event());
        } else {
          engine.advanceTo(clock.instant().minus(LATENESS));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("alert engine stopped", e);
      throw e;
    }
  }
}
