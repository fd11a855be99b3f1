package io.teleglas.core.coinglass;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intervals CoinGlass's v4 history endpoints accept, and the plan each needs: Hobbyist only 4h
 * and up, Startup 30m and up, Standard everything (market-apis.md §A.3).
 */
final class RatioIntervals {
  private static final Map<Duration, String> BY_DURATION = byDuration();

  static final List<String> CODES = List.copyOf(BY_DURATION.values());

  private RatioIntervals() {}

  static Optional<String> code(Duration interval) {
    return Optional.ofNullable(BY_DURATION.get(interval));
  }

  static Plan planFor(Duration interval) {
    if (interval.compareTo(Duration.ofMinutes(30)) < 0) {
      return Plan.STANDARD;
    }
    return interval.compareTo(Duration.ofHours(4)) < 0 ? Plan.STARTUP : Plan.HOBBYIST;
  }

  private static Map<Duration, String> byDuration() {
    Map<Duration, String> codes = new LinkedHashMap<>();
    codes.put(Duration.ofMinutes(1), "1m");
    codes.put(Duration.ofMinutes(3), "3m");
    codes.put(Duration.ofMinutes(5), "5m");
    codes.put(Duration.ofMinutes(15), "15m");
    codes.put(Duration.ofMinutes(30), "30m");
    codes.put(Duration.ofHours(1), "1h");
    codes.put(Duration.ofHours(4), "4h");
    codes.put(Duration.ofHours(6), "6h");
    codes.put(Duration.ofHours(8), "8h");
    codes.put(Duration.ofHours(12), "12h");
    codes.put(Duration.ofDays(1), "1d");
    codes.put(Duration.ofDays(7), "1w");
    return Collections.unmodifiableMap(codes);
  }
}
