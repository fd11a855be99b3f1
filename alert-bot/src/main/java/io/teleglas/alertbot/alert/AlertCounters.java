package io.teleglas.alertbot.alert;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code teleglas_alerts{rule,kind}}: alerts the engine emitted, by rule and kind. Every built-in
 * rule's series is registered at construction, so each exists at 0 from the first scrape (a rate
 * over a series that appears only with its first alert misses that alert) and the first alert does
 * not pay for registering its meter (2.6 ms on the bench machine, docs/performance.md). A rule not
 * built in gets its series on its first alert. Thread-safe.
 */
public final class AlertCounters {
  /** The rule names of {@link AlertEngine#withBuiltInRules}. */
  static final List<String> BUILT_IN_RULES =
      List.of(
          LargeLiquidationRule.NAME,
          LiquidationStormRule.NAME,
          MarketCascadeRule.NAME,
          WhaleTradeRule.NAME,
          WhaleClusterRule.NAME,
          FundingExtremeRule.NAME,
          OpenInterestSpikeRule.NAME);

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public AlertCounters(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
    for (String rule : BUILT_IN_RULES) {
      for (AlertKind kind : AlertKind.values()) {
        counter(rule, kind);
      }
    }
  }

  /** Counts one emitted alert. */
  public void increment(Alert alert) {
    counter(alert.rule(), alert.kind()).increment();
  }

  private Counter counter(String rule, AlertKind kind) {
    return counters.computeIfAbsent(
        rule + '|' + kind,
        key ->
            registry.counter(
                "teleglas_alerts", "rule", rule, "kind", kind.name().toLowerCase(Locale.ROOT)));
  }
}
