package io.teleglas.bench.jmh;

import io.teleglas.alertbot.alert.AlertEngine;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.core.market.MarketEvent;
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
 * The alert engine with the built-in rules and the default thresholds ({@code
 * AlertEngine.withBuiltInRules(Thresholds.DEFAULT, sink)}), fed {@value #EVENTS} events of one
 * millisecond each; the score is per event. A fresh engine per invocation, so windows, storms and
 * cooldowns start empty every time and the sequence means the same thing in every iteration.
 *
 * <ul>
 *   <li>{@code calm}: 2% liquidations up to $20k, trades up to $50k: hardly any rule fires (13
 *       alerts in 100,000 events).
 *   <li>{@code cascade}: 30% liquidations up to $600k, trades up to $2M: large liquidations,
 *       storms, market cascades, whale trades and clusters on every coin, so the group wait,
 *       inhibition and cooldown stages all work.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx64m", "-XX:+UseSerialGC"})
public class EngineBenchmark {
  static final int EVENTS = 100_000;

  @Param({"calm", "cascade"})
  public String market;

  private List<MarketEvent> events;

  @Setup
  public void setUp() {
    events =
        switch (market) {
          case "calm" -> SyntheticMarket.events(EVENTS, 0.02, 50_000, 20_000);
          case "cascade" -> SyntheticMarket.events(EVENTS, 0.30, 2_000_000, 600_000);
          default -> throw new IllegalArgumentException(market);
        };
    long alerts = feed();
    // calm: a handful of alerts from the random walk is fine (13 in 100,000 events seen), a
    // flood is not; cascade: the rules must fire, or the stages after them are not exercised.
    if (market.equals("calm") ? alerts > EVENTS / 1000 : alerts == 0) {
      throw new IllegalStateException(market + " produced " + alerts + " alerts");
    }
  }

  /** Feeds every event to a fresh engine; returns how many alerts reached the sink. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long feed() {
    long[] alerts = new long[1];
    AlertEngine engine = AlertEngine.withBuiltInRules(Thresholds.DEFAULT, a -> alerts[0]++);
    for (MarketEvent e : events) {
      engine.onEvent(e);
    }
    return alerts[0];
  }
}
