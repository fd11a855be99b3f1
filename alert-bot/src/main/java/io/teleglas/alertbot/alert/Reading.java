package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** What a polled-reading alert measured, as the source reported it: never estimated. Immutable. */
public sealed interface Reading {

  /**
   * One exchange's funding rate for a coin.
   *
   * @param exchange where it was read
   * @param rate fraction per funding interval as published, finite ({@code 0.001} is 0.1%)
   * @param interval the funding interval, > 0
   * @param ratePer8h {@code rate} scaled to an 8-hour interval, the unit thresholds are in
   * @param thresholdPer8h the threshold it was compared with, per 8 hours, > 0
   * @param source who answered ("CoinGlass", "Binance")
   * @param time when it was read
   */
  record Funding(
      Exchange exchange,
      double rate,
      Duration interval,
      double ratePer8h,
      double thresholdPer8h,
      String source,
      Instant time)
      implements Reading {

    public Funding {
      Objects.requireNonNull(exchange, "exchange is null");
      if (!Double.isFinite(rate) || !Double.isFinite(ratePer8h)) {
        throw new IllegalArgumentException("rate must be finite, got " + rate);
      }
      Objects.requireNonNull(interval, "interval is null");
      if (!(thresholdPer8h > 0)) {
        throw new IllegalArgumentException("thresholdPer8h must be > 0, got " + thresholdPer8h);
      }
      Objects.requireNonNull(source, "source is null");
      Objects.requireNonNull(time, "time is null");
    }
  }

  /**
   * A coin's open interest at two times, summed over the same exchanges at both.
   *
   * @param exchanges the exchanges summed, not empty
   * @param beforeUsd open interest at {@code beforeTime}, > 0
   * @param afterUsd open interest at {@code afterTime}, >= 0
   * @param beforeTime the earlier reading, before {@code afterTime}
   * @param afterTime the later reading
   * @param source who answered
   */
  record OpenInterestChange(
      Set<Exchange> exchanges,
      double beforeUsd,
      double afterUsd,
      Instant beforeTime,
      Instant afterTime,
      String source)
      implements Reading {

    public OpenInterestChange {
      exchanges = Set.copyOf(exchanges);
      if (exchanges.isEmpty()) {
        throw new IllegalArgumentException("exchanges is empty");
      }
      if (!(beforeUsd > 0) || !(afterUsd >= 0) || Double.isInfinite(afterUsd)) {
        throw new IllegalArgumentException(
            "open interest must be > 0 before and >= 0 after, got " + beforeUsd + ", " + afterUsd);
      }
      Objects.requireNonNull(beforeTime, "beforeTime is null");
      Objects.requireNonNull(afterTime, "afterTime is null");
      if (!afterTime.isAfter(beforeTime)) {
        throw new IllegalArgumentException("afterTime must be after beforeTime");
      }
      Objects.requireNonNull(source, "source is null");
    }

    /** The change in percent, positive when open interest grew. */
    public double changePercent() {
      return (afterUsd / beforeUsd - 1) * 100;
    }
  }
}
