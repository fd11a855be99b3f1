package io.teleglas.bench.replay;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape of the bot's {@code teleglas_engine_decision_seconds} timer (an event's hand-off to
 * the ingest queue → the engine's decision on it): its cumulative Prometheus buckets, count and
 * max. Two scrapes {@link #minus subtract} to the events of one run. Percentiles come from the
 * buckets, so they are upper bounds at bucket resolution: "p99 ≤ 1 ms" means 99% of the events fell
 * in the bucket ending at 1 ms. Immutable.
 *
 * @param buckets cumulative count per upper bound in seconds ({@code le}), +Inf included
 * @param count events recorded
 * @param maxSeconds the timer's decaying max (Micrometer keeps it for about two minutes), NaN if
 *     absent
 */
record DecisionHistogram(TreeMap<Double, Double> buckets, double count, double maxSeconds) {
  static final String NAME = "teleglas_engine_decision_seconds";

  /** Reads the timer from Prometheus text; empty buckets if the bot has not registered it. */
  static DecisionHistogram parse(String scrape) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    double count = 0;
    double max = Double.NaN;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(NAME + "_bucket{")) {
        int le = line.indexOf("le=\"") + 4;
        String bound = line.substring(le, line.indexOf('"', le));
        buckets.merge(
            bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
            value(line),
            Double::sum);
      } else if (line.startsWith(NAME + "_count")) {
        count += value(line);
      } else if (line.startsWith(NAME + "_max")) {
        max = value(line);
      }
    }
    return new DecisionHistogram(buckets, count, max);
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  /** The events recorded since {@code earlier}; the max stays this scrape's. */
  DecisionHistogram minus(DecisionHistogram earlier) {
    TreeMap<Double, Double> out = new TreeMap<>();
    for (Map.Entry<Double, Double> e : buckets.entrySet()) {
      out.put(e.getKey(), e.getValue() - earlier.buckets.getOrDefault(e.getKey(), 0.0));
    }
    return new DecisionHistogram(out, count - earlier.count, maxSeconds);
  }

  /** The upper bound in ms of the bucket holding quantile {@code q}; NaN without events. */
  double quantileMillis(double q) {
    if (count <= 0) {
      return Double.NaN;
    }
    double rank = q * count;
    for (Map.Entry<Double, Double> e : buckets.entrySet()) {
      if (e.getValue() >= rank) {
        return e.getKey() * 1000;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** The smallest bucket bound, in ms: the resolution below which nothing can be told. */
  double finestMillis() {
    return buckets.isEmpty() ? Double.NaN : buckets.firstKey() * 1000;
  }

  /** Share of the events decided within {@code millis} (a bucket bound), 0..1. */
  double shareWithin(double millis) {
    Double atOrBelow = buckets.floorKey(millis / 1000 + 1e-12);
    return count <= 0 || atOrBelow == null ? Double.NaN : buckets.get(atOrBelow) / count;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "n=%,.0f p50 ≤ %s, p99 ≤ %s, max %.2f ms (%.2f%% ≤ 1 ms)",
        count,
        ms(quantileMillis(0.50)),
        ms(quantileMillis(0.99)),
        maxSeconds * 1000,
        100 * shareWithin(1));
  }

  private static String ms(double millis) {
    return millis < 1 ? String.format(Locale.ROOT, "%.3f ms", millis) : "%.0f ms".formatted(millis);
  }
}
