package io.teleglas.alertbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertCountersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void everyBuiltInRuleAndKindExistsAtZeroFromTheStart() {
    new AlertCounters(registry);

    assertThat(registry.find("teleglas_alerts").counters())
        .hasSize(AlertCounters.BUILT_IN_RULES.size() * AlertKind.values().length)
        .allSatisfy(c -> assertThat(c.count()).isZero());
    assertThat(count(WhaleTradeRule.NAME, "escalation")).isZero();
  }

  @Test
  void countsByRuleAndKindIncludingARuleNotBuiltIn() {
    AlertCounters counters = new AlertCounters(registry);

    counters.increment(alert(WhaleTradeRule.NAME, AlertKind.NEW));
    counters.increment(alert(WhaleTradeRule.NAME, AlertKind.NEW));
    counters.increment(alert("custom-rule", AlertKind.UPDATE));

    assertThat(count(WhaleTradeRule.NAME, "new")).isEqualTo(2);
    assertThat(count(WhaleTradeRule.NAME, "update")).isZero();
    assertThat(count("custom-rule", "update")).isEqualTo(1);
  }

  @Test
  void theBuiltInListNamesEveryRuleTheEngineBuilds() {
    assertThat(AlertEngine.withBuiltInRules(Thresholds.DEFAULT, a -> {}).ruleNames())
        .containsExactlyInAnyOrderElementsOf(AlertCounters.BUILT_IN_RULES);
  }

  private double count(String rule, String kind) {
    return registry.get("teleglas_alerts").tag("rule", rule).tag("kind", kind).counter().count();
  }

  private static Alert alert(String rule, AlertKind kind) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Liquidation sample =
        new Liquidation(
            Exchange.BINANCE, new Coin("BTC"), "BTCUSDT", PositionSide.LONG, 100, 10_000, 1e6, t);
    return new Alert(
        rule,
        rule + "|BTC",
        kind,
        new Coin("BTC"),
        Optional.empty(),
        1_000_000,
        1,
        Set.of(Exchange.BINANCE),
        t,
        t,
        List.of(sample),
        List.of(),
        Optional.empty());
  }
}
