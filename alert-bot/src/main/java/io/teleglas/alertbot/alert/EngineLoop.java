package io.teleglas.alertbot.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
  private final AtomicLong failedSteps = new AtomicLong();
  private final Timer decision;

  /**
   * {@code observer} sees every event before the engine does (e.g. {@code --dry-run} prints it).
   */
  public EngineLoop(
      IngestQueue queue, AlertEngine engine, Clock clock, Consumer<SourcedEvent> observer) {
    this(queue, engine, clock, observer, null);
  }

  /**
   * As the other constructor, and records on {@code registry} how long each event took from its
   * entry into the ingest queue (decoded and deduplicated, a microsecond or two after the frame
   * arrived) to the engine's decision ({@code teleglas_engine_decision_seconds}: queue wait plus
   * every rule and stage, delivery excluded) and the steps that failed. Buckets start at 50 µs, so
   * sub-millisecond percentiles can be read.
   */
  public EngineLoop(
      IngestQueue queue,
      AlertEngine engine,
      Clock clock,
      Consumer<SourcedEvent> observer,
      MeterRegistry registry) {
    this.queue = queue;
    this.engine = engine;
    this.clock = clock;
    this.observer = observer;
    this.decision =
        registry == null
            ? null
            : Timer.builder("teleglas_engine_decision_seconds")
                .description("From an event's entry into the ingest queue to the engine's decision")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .serviceLevelObjectives(
                    Duration.ofNanos(100_000),
                    Duration.ofNanos(250_000),
                    Duration.ofNanos(500_000),
                    Duration.ofMillis(1),
                    Duration.ofMillis(5))
                .register(registry);
  }

  /** Steps (an event, a reading, a time step) that threw outside the rules, since start. */
  public long failedSteps() {
    return failedSteps.get();
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
    while (!Thread.currentThread().isInterrupted()) {
      try {
        step();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // A failing sink (rendering, the store) must not stop the engine: what it was handed is
        // lost for it, counted and logged, and the next event is taken.
        failed("step", e);
      }
    }
  }

  private void failed(String what, RuntimeException e) {
    long failed = failedSteps.incrementAndGet();
    if (Long.bitCount(failed) == 1) {
      log.error("alert engine {} failed ({} failures so far); going on", what, failed, e);
    }
  }

  private void step() throws InterruptedException {
    for (MarketReading r = readings.poll(); r != null; r = readings.poll()) {
      engine.onReading(r);
    }
    SourcedEvent e = queue.take(Duration.ofSeconds(1));
    if (e != null) {
      try {
        observer.accept(e);
      } catch (RuntimeException failure) {
        failed("observer", failure);
      }
      engine.onEvent(e.event());
      if (decision != null) {
        Duration took = Duration.between(e.receivedAt(), clock.instant());
        decision.record(took.isNegative() ? Duration.ZERO : took);
      }
    } else {
      engine.advanceTo(clock.instant().minus(LATENESS));
    }
  }
}
