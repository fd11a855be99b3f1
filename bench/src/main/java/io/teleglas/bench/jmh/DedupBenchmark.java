package io.teleglas.bench.jmh;

import io.teleglas.alertbot.stream.EventDeduplicator;
import io.teleglas.core.market.MarketEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link EventDeduplicator#standard} (10 minutes, 100 000 keys) checking {@value #EVENTS} distinct
 * events, more than its capacity so the eviction path runs; {@code repeated} checks every event
 * twice in a row (a rotation overlap), so half the checks are duplicates. Score per check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx64m", "-XX:+UseSerialGC"})
public class DedupBenchmark {
  static final int EVENTS = 150_000;

  @Param({"distinct", "repeated"})
  public String pattern;

  private List<MarketEvent> events;
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:05:00Z"), ZoneOffset.UTC);

  @Setup
  public void setUp() {
    List<MarketEvent> distinct = SyntheticMarket.events(EVENTS, 0.1, 50_000, 50_000);
    events =
        pattern.equals("distinct")
            ? distinct
            : distinct.stream().limit(EVENTS / 2).flatMap(e -> List.of(e, e).stream()).toList();
    long fresh = check();
    long expected = pattern.equals("distinct") ? EVENTS : EVENTS / 2;
    if (fresh != expected) {
      throw new IllegalStateException(pattern + ": " + fresh + " new, expected " + expected);
    }
  }

  /** Checks every event with a fresh deduplicator; returns how many were new. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long check() {
    EventDeduplicator dedup = EventDeduplicator.standard(clock);
    long fresh = 0;
    for (MarketEvent e : events) {
      if (dedup.check(e) == EventDeduplicator.Verdict.NEW) {
        fresh++;
      }
    }
    return fresh;
  }
}
