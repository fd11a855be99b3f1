package io.teleglas.core.coinglass;

import java.time.Duration;

/**
 * A rolling window CoinGlass reports a figure over: the suffix of fields such as {@code
 * price_change_percent_4h} and the value of {@code range} parameters. Not every endpoint offers
 * every window; a method asked for one its endpoint lacks answers {@code NOT_OFFERED}.
 */
public enum Window {
  M5("5m", Duration.ofMinutes(5)),
  M15("15m", Duration.ofMinutes(15)),
  M30("30m", Duration.ofMinutes(30)),
  H1("1h", Duration.ofHours(1)),
  H4("4h", Duration.ofHours(4)),
  H12("12h", Duration.ofHours(12)),
  H24("24h", Duration.ofHours(24)),
  W1("1w", Duration.ofDays(7));

  private final String code;
  private final Duration duration;

  Window(String code, Duration duration) {
    this.code = code;
    this.duration = duration;
  }

  /** CoinGlass's spelling: {@code 5m}, {@code 1h}, {@code 24h}, {@code 1w}. */
  public String code() {
    return code;
  }

  public Duration duration() {
    return duration;
  }
}
