package io.teleglas.alertbot.stream;

import io.teleglas.core.market.MarketEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded queue between the socket threads and the engine thread. Socket threads {@link #offer}
 * and never wait: when the queue is full the event is dropped and counted per source (and logged at
 * most once a minute), never silently. The single engine thread takes events out with {@link
 * #take}. Thread-safe.
 */
public final class IngestQueue implements EventSink {
  private static final Logger log = LoggerFactory.getLogger(IngestQueue.class);

  private final BlockingQueue<SourcedEvent> queue;
  private final Clock clock;
  private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
  private final LongAdder accepted = new LongAdder();
  private final LogThrottle dropLog;

  public IngestQueue(int capacity, Clock clock) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.clock = clock;
    this.dropLog = new LogThrottle(clock, Duration.ofMinutes(1));
  }

  @Override
  public boolean offer(String source, MarketEvent event) {
    if (queue.offer(new SourcedEvent(source, event, clock.instant()))) {
      accepted.increment();
      return true;
    }
    dropped.computeIfAbsent(source, s -> new LongAdder()).increment();
    dropLog.warn(
        log,
        "ingest queue full ("
            + queue.size()
            + " events): dropping events from "
            + source
            + "; total dropped "
            + droppedTotal());
    return false;
  }

  /** The next event, waiting up to {@code timeout}; null if none arrived. */
  public SourcedEvent take(Duration timeout) throws InterruptedException {
    return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Moves up to {@code max} waiting events into {@code into} without blocking. */
  public int drainTo(List<SourcedEvent> into, int max) {
    return queue.drainTo(into, max);
  }

  public int depth() {
    return queue.size();
  }

  public long acceptedTotal() {
    return accepted.sum();
  }

  /** Events dropped because the queue was full, per source. */
  public Map<String, Long> droppedBySource() {
    Map<String, Long> out = new java.util.TreeMap<>();
    dropped.forEach((s, n) -> out.put(s, n.sum()));
    return out;
  }

  public long droppedTotal() {
    return dropped.values().stream().mapToLong(LongAdder::sum).sum();
  }
}
