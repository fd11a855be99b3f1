package io.teleglas.alertbot.alert;

import io.teleglas.alertbot.stream.IngestQueue;
import io.teleglas.alertbot.stream.SourcedEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one thread: takes events from the ingest queue in arrival order and feeds the
 * engine; while the queue is idle, moves engine time to the wall clock minus {@link #LATENESS}, so
 * windows (storms) close even when the market goes quiet. Runs until interrupted.
 */
public final class EngineLoop implements Runnable {
  /** How late an event may arrive and still count in an open window. */
  static final Duration LATENESS = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(EngineLoop.class);

  private final IngestQueue queue;
  private final AlertEngine engine;
  private final Clock clock;
  private final Consumer<SourcedEvent> observer;

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

  @Override
  public void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
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
