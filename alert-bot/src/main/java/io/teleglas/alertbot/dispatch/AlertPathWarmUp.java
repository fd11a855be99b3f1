package io.teleglas.alertbot.dispatch;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.alert.AlertEngine;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.alert.TierThresholds;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.telegram.ChatId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the alert path once on made-up events, before the first real alert needs it: a scratch
 * {@link AlertEngine} with the built-in rules and the operator's thresholds decides a large
 * liquidation, a storm that opens, grows and ends, a whale trade and a whale cluster, and a scratch
 * {@link ChannelRouter} renders every alert it emits into messages that are thrown away. Nothing
 * reaches the real engine, router, outbox or Telegram.
 *
 * <p>Why: the first alert of a process paid for loading and first running this code: 12 ms from its
 * frame to the engine's decision and 7–28 ms of rendering on the bench machine
 * (docs/performance.md, "Detect → send"). One round pays that here instead, off the alert's path.
 * More rounds, to have the JIT compile the path, were measured and did not pay (same section).
 *
 * <p>Stateless; thread-safe: every run has its own engine and router. {@link #run} blocks for as
 * long as the rounds take (one round: tens of milliseconds in a fresh JVM), so callers run it on a
 * background thread.
 */
public final class AlertPathWarmUp {
  private static final Coin LIQUIDATED = new Coin("BTC");
  private static final Coin TRADED = new Coin("ETH");
  private static final double PRICE = 1_000;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration ROUND = Duration.ofHours(2);
  private static final ChatId NOWHERE = new ChatId("-1000000000001");

  private final Thresholds thresholds;
  private final ChannelRouter.Renderer renderer;

  /**
   * @param thresholds the thresholds the live engine runs with, so the same rule branches fire
   * @param renderer the live router's renderer (must be thread-safe, as {@code AlertHtml} is)
   */
  public AlertPathWarmUp(Thresholds thresholds, ChannelRouter.Renderer renderer) {
    this.thresholds = requireNonNull(thresholds, "thresholds is null");
    this.renderer = requireNonNull(renderer, "renderer is null");
  }

  /**
   * Runs {@code rounds} rounds, each two hours of event time after the last, so every window, storm
   * and cooldown of one round has closed before the next starts.
   *
   * @return how many alerts each rule emitted (rule name → count), all rendered and dropped
   */
  public Map<String, Integer> run(int rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be >= 0, got " + rounds);
    }
    Map<String, Integer> fired = new TreeMap<>();
    ChannelRouter router =
        new ChannelRouter(NOWHERE, renderer, message -> {}, Clock.fixed(START, ZoneOffset.UTC));
    AlertEngine engine =
        AlertEngine.withBuiltInRules(
            thresholds,
            alert -> {
              fired.merge(alert.rule(), 1, Integer::sum);
              router.accept(alert);
            });
    long ids = 0;
    for (int r = 0; r < rounds; r++) {
      ids = round(engine, START.plus(ROUND.multipliedBy(r)), ids);
    }
    return fired;
  }

  private long round(AlertEngine engine, Instant t, long ids) {
    TierThresholds liq = thresholds.byTier().get(thresholds.tiers().tierOf(LIQUIDATED));
    // One large long liquidation, held by the group wait and then emitted.
    engine.onEvent(liquidation(PositionSide.LONG, liq.singleLiquidationUsd() * 1.5, t));
    engine.advanceTo(t.plus(thresholds.singleGroupWait()).plusSeconds(1));
    // A storm of shorts in three bursts: opens (announced after the group wait), grows past an
    // update interval, then resolves when quiet.
    Instant storm = t.plusSeconds(60);
    Duration spacing =
        max(thresholds.stormGroupWait(), thresholds.stormUpdateInterval()).plusSeconds(1);
    int count = Math.max(liq.stormCount(), 3) + 1;
    double each = liq.stormUsd() / (count - 1);
    for (int burst = 0; burst < 3; burst++) {
      Instant at = storm.plus(spacing.multipliedBy(burst));
      for (int i = 0; i < count; i++) {
        engine.onEvent(liquidation(PositionSide.SHORT, each, at.plusMillis(100L * i)));
      }
    }
    engine.advanceTo(
        storm.plus(spacing.multipliedBy(3)).plus(thresholds.stormWindow()).plusSeconds(1));
    // A whale trade, then a cluster of large sells.
    TierThresholds traded = thresholds.byTier().get(thresholds.tiers().tierOf(TRADED));
    Instant whales = t.plusSeconds(1800);
    engine.onEvent(trade(TakerSide.BUY, traded.whaleTradeUsd() * 1.5, whales, ++ids));
    int trades = traded.clusterCount() + 1;
    double size =
        Math.max(traded.clusterTradeUsd(), traded.clusterUsd() / traded.clusterCount()) * 1.1;
    for (int i = 0; i < trades; i++) {
      engine.onEvent(trade(TakerSide.SELL, size, whales.plusSeconds(10 + i), ++ids));
    }
    engine.advanceTo(t.plus(ROUND).minusSeconds(1));
    return ids;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Liquidation liquidation(PositionSide side, double usd, Instant at) {
    return new Liquidation(
        Exchange.BINANCE, LIQUIDATED, "BTCUSDT", side, PRICE, usd / PRICE, usd, at);
  }

  private static Trade trade(TakerSide side, double usd, Instant at, long id) {
    return new Trade(
        Exchange.BYBIT, TRADED, "ETHUSDT", side, PRICE, usd / PRICE, usd, at, Long.toString(id));
  }
}
