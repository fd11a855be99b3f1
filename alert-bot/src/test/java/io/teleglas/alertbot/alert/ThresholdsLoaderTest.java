package io.teleglas.alertbot.alert;

import static io.teleglas.alertbot.alert.Events.liq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teleglas.core.config.ConfigException;
import io.teleglas.core.config.ConfigProblem;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.PositionSide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsLoaderTest {

  @Test
  void parse_emptyFileKeepsTheContractDefaults() {
    assertThat(ThresholdsLoader.parse("")).isEqualTo(Thresholds.DEFAULT);
  }

  @Test
  void load_overridesOnlyWhatTheFileSays(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(
        file,
        """
        tiers:
          majors:
            single-liquidation-usd: 1000000
          large-caps:
            coins: [BNB, XRP, HYPE]
        storm:
          update-interval: 20s
        cooldown:
          period: 10m
          escalation-factor: 2.5
        """);

    Thresholds t = ThresholdsLoader.load(file);

    assertThat(t.forCoin(new Coin("BTC")).singleLiquidationUsd()).isEqualTo(1_000_000);
    assertThat(t.forCoin(new Coin("BTC")).stormUsd()).isEqualTo(2_000_000);
    assertThat(t.tiers().tierOf(new Coin("HYPE"))).isEqualTo(Tier.LARGE_CAPS);
    assertThat(t.tiers().tierOf(new Coin("DOGE"))).isEqualTo(Tier.OTHERS);
    assertThat(t.stormWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(t.stormUpdateInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(t.cooldown()).isEqualTo(Duration.ofMinutes(10));
    assertThat(t.escalationFactor()).isEqualTo(2.5);
  }

  @Test
  void parse_overrideChangesWhatTheRuleAlertsOn() {
    LargeLiquidationRule rule =
        new LargeLiquidationRule(
            ThresholdsLoader.parse("tiers: {majors: {single-liquidation-usd: 1000000}}"));

    assertThat(rule.onEvent(liq("BTC", PositionSide.LONG, 999_999, 0))).isEmpty();
    assertThat(rule.onEvent(liq("BTC", PositionSide.LONG, 1_000_000, 0))).hasSize(1);
  }

  @Test
  void parse_listsEveryProblemWithItsPath() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ThresholdsLoader.parse(
                    """
                    tiers:
                      majors:
                        coins: [BTC, eth]
                        storm-usd: -5
                        storm-count: 1.5
                      large-caps:
                        coins: [BTC]
                      others:
                        coins: [PEPE]
                      mid-caps: {}
                    storm:
                      window: 30
                    cooldown:
                      escalation-factor: 1
                    alerts: on
                    """));

    assertThat(e.problems()).extracting(ConfigProblem::variable).containsOnly("ALERT_RULES_FILE");
    assertThat(e.problems())
        .extracting(p -> p.message().substring(0, p.message().indexOf(':')))
        .containsExactlyInAnyOrder(
            "alerts",
            "tiers.mid-caps",
            "tiers.majors.coins[1]",
            "tiers.majors.storm-usd",
            "tiers.majors.storm-count",
            "tiers.others.coins",
            "storm.window",
            "cooldown.escalation-factor",
            "tiers");
  }

  @Test
  void parse_readsTheNewRulesKeys() {
    Thresholds t =
        ThresholdsLoader.parse(
            """
            tiers:
              others: {whale-cluster-trade-usd: 20000, whale-cluster-usd: 300000, whale-cluster-count: 6}
            group-wait: {single-liquidation: 0s, storm: 3s}
            whale-cluster: {window: 2m}
            market-cascade: {coins: 3, coin-usd: 100000, total-usd: 1000000, window: 90s, update-interval: 30s}
            funding-extreme: {percent-per-8h: 0.2, resolve-percent-per-8h: 0.08}
            oi-spike: {percent: 5, resolve-percent: 2, window: 30m}
            market-poll: {interval: 2m}
            """);

    TierThresholds others = t.byTier().get(Tier.OTHERS);
    assertThat(others.clusterTradeUsd()).isEqualTo(20_000);
    assertThat(others.clusterUsd()).isEqualTo(300_000);
    assertThat(others.clusterCount()).isEqualTo(6);
    assertThat(t.singleGroupWait()).isZero();
    assertThat(t.stormGroupWait()).isEqualTo(Duration.ofSeconds(3));
    assertThat(t.clusterWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(t.market())
        .isEqualTo(
            new MarketThresholds(
                3,
                100_000,
                1_000_000,
                Duration.ofSeconds(90),
                Duration.ofSeconds(30),
                0.002,
                0.0008,
                5,
                2,
                Duration.ofMinutes(30),
                Duration.ofMinutes(2)));
  }

  @Test
  void parse_checksTheNewRulesKeysWithTheirPaths() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ThresholdsLoader.parse(
                    """
                    tiers:
                      majors: {whale-cluster-count: 1}
                    group-wait: {single-liquidation: 30s, storm: -1s}
                    market-cascade: {coins: 1, total-usd: 0, depth: 3}
                    funding-extreme: {percent-per-8h: 0.05, resolve-percent-per-8h: 0.05}
                    oi-spike: {percent: 2, resolve-percent: 3}
                    market-poll: {interval: 0m}
                    """));

    assertThat(e.problems())
        .extracting(p -> p.message().substring(0, p.message().indexOf(':')))
        .containsExactlyInAnyOrder(
            "tiers.majors.whale-cluster-count",
            "group-wait.single-liquidation",
            "group-wait.storm",
            "market-cascade.coins",
            "market-cascade.total-usd",
            "market-cascade.depth",
            "funding-extreme.resolve-percent-per-8h",
            "oi-spike.resolve-percent",
            "market-poll.interval");
    assertThat(e.problems())
        .extracting(ConfigProblem::message)
        .contains(
            "group-wait.single-liquidation: must be shorter than storm.window, got \"30s\"",
            "oi-spike.resolve-percent: must be below percent (2.0), got 3.0");
  }

  @Test
  void parse_reportsBrokenYaml() {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ThresholdsLoader.parse("tiers: [a"));

    assertThat(e.problems()).singleElement().asString().startsWith("ALERT_RULES_FILE: not valid");
  }
}
