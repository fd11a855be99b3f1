package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Every tunable number of the alert rules and engine stages. {@link #DEFAULT} holds the contract's
 * defaults; {@link ThresholdsLoader} reads overrides from {@code ALERT_RULES_FILE}.
 *
 * @param tiers which coins are in which tier
 * @param byTier the thresholds of every tier
 * @param stormWindow a storm counts liquidations within this much event time, and resolves when
 *     none came for this long
 * @param stormUpdateInterval a growing storm is re-announced at most this often
 * @param cooldown a rule's NEW alert for one coin and side is not repeated within this time
 * @param escalationFactor inside the cooldown, an alert at least this many times the last one sent
 *     passes as an escalation, > 1
 * @param clusterWindow a whale cluster counts trades within this much event time
 * @param singleGroupWait a large-liquidation alert is held this long (event time) so that a storm
 *     opening meanwhile supersedes it; zero sends it at once
 * @param stormGroupWait a storm's first message is held this long so that it starts with fuller
 *     totals; zero sends it at once
 * @param market the market-wide and polled rules' thresholds
 */
public record Thresholds(
    Tiers tiers,
    Map<Tier, TierThresholds> byTier,
    Duration stormWindow,
    Duration stormUpdateInterval,
    Duration cooldown,
    double escalationFactor,
    Duration clusterWindow,
    Duration singleGroupWait,
    Duration stormGroupWait,
    MarketThresholds market) {

  public static final Thresholds DEFAULT =
      new Thresholds(
          Tiers.DEFAULT,
          Map.of(
              Tier.MAJORS,
              new TierThresholds(500_000, 2_000_000, 3, 1_000_000, 250_000, 3_000_000, 5),
              Tier.LARGE_CAPS,
              new TierThresholds(200_000, 1_000_000, 2, 500_000, 100_000, 1_500_000, 4),
              Tier.OTHERS,
              new TierThresholds(100_000, 500_000, 2, 200_000, 50_000, 500_000, 3)),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          Duration.ofMinutes(5),
          3.0,
          Duration.ofSeconds(60),
          Duration.ofSeconds(5),
          Duration.ofSeconds(5),
          MarketThresholds.DEFAULT);

  public Thresholds {
    Objects.requireNonNull(tiers, "tiers is null");
    byTier = Map.copyOf(byTier);
    for (Tier tier : Tier.values()) {
      if (!byTier.containsKey(tier)) {
        throw new IllegalArgumentException("no thresholds for tier " + tier.key());
      }
    }
    positive(stormWindow, "stormWindow");
    positive(stormUpdateInterval, "stormUpdateInterval");
    positive(cooldown, "cooldown");
    if (!(escalationFactor > 1) || Double.isInfinite(escalationFactor)) {
      throw new IllegalArgumentException("escalationFactor must be > 1, got " + escalationFactor);
    }
    positive(clusterWindow, "clusterWindow");
    notNegative(singleGroupWait, "singleGroupWait");
    notNegative(stormGroupWait, "stormGroupWait");
    Objects.requireNonNull(market, "market is null");
    if (singleGroupWait.compareTo(stormWindow) >= 0 || stormGroupWait.compareTo(stormWindow) >= 0) {
      throw new IllegalArgumentException("group waits must be shorter than stormWindow");
    }
  }

  /**
   * How long after the last event every open group has closed and every held alert is out: what a
   * replay advances past its end.
   */
  public Duration settleTime() {
    Duration longest = stormWindow.plus(stormUpdateInterval);
    Duration cascade = market.cascadeWindow().plus(market.cascadeUpdateInterval());
    longest = cascade.compareTo(longest) > 0 ? cascade : longest;
    return longest.plus(longest).plus(singleGroupWait).plus(stormGroupWait).plusSeconds(1);
  }

  /** The thresholds that apply to {@code coin}. */
  public TierThresholds forCoin(Coin coin) {
    return byTier.get(tiers.tierOf(coin));
  }

  private static void notNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name + " is null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + duration);
    }
  }

  private static void positive(Duration duration, String name) {
    Durations.positive(duration, name);
  }
}
