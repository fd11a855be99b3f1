package io.teleglas.core.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The share of long versus short for one coin on one exchange over a period, as exchanges publish
 * it: by accounts (how many accounts are net long) or by positions (how much notional is long).
 *
 * @param longShare fraction of accounts or notional that is long, from 0 to 1 (0.62 = 62 % long)
 * @param period the bucket the figure describes (e.g. 5 minutes, 1 hour)
 * @param time end of the bucket
 */
public record LongShortRatio(
    Exchange exchange, Coin coin, Kind kind, double longShare, Duration period, Instant time) {

  /** What is being counted. */
  public enum Kind {
    /** All accounts: share of accounts with a net long position. */
    GLOBAL_ACCOUNTS,
    /** The exchange's top traders, counted by account. */
    TOP_TRADER_ACCOUNTS,
    /** The exchange's top traders, weighted by position size. */
    TOP_TRADER_POSITIONS
  }

  public LongShortRatio {
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(kind, "kind is null");
    Invariants.finite(longShare, "longShare");
    if (longShare < 0 || longShare > 1) {
      throw new IllegalArgumentException("longShare must be within 0..1: " + longShare);
    }
    Objects.requireNonNull(period, "period is null");
    Objects.requireNonNull(time, "time is null");
  }

  /** Longs per short, e.g. 1.63; infinite when nobody is short. */
  public double ratio() {
    return longShare / (1 - longShare);
  }
}
