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
 */
public record Thresholds(
    Tiers tiers,
    Map<Tier, TierThresholds> byTier,
    Duration stormWindow,
    Duration stormUpdateInterval,
    Duration cooldown,
    double escalationFactor) {

  public static final Thresholds DEFAULT =
      new Thresholds(
          Tiers.DEFAULT,
          Map.of(
              Tier.MAJORS, new TierThresholds(500_000, 2_000_000, 3, 1_000_000),
              Tier.LARGE_CAPS, new TierThresholds(200_000, 1_000_000, 2, 500_000),
              Tier.OTHERS, new TierThresholds(100_000, 500_000, 2, 200_000)),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          Duration.ofMinutes(5),
          3.0);

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
  }

  /** The thresholds that apply to {@code coin}. */
  public TierThresholds forCoin(Coin coin) {
    return byTier.get(tiers.tierOf(coin));
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name + " is null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }
}
