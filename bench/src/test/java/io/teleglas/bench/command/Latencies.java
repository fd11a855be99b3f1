package io.teleglas.bench.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Latency samples in milliseconds and their nearest-rank percentiles. With fewer than 100 samples
 * p99 is the maximum, which the summary says by printing the sample count. Not thread-safe.
 */
final class Latencies {
  private final List<Double> millis = new ArrayList<>();

  void add(double ms) {
    millis.add(ms);
  }

  void addAll(Latencies other) {
    millis.addAll(other.millis);
  }

  int count() {
    return millis.size();
  }

  /** The nearest-rank {@code p}-th percentile, 0 < p <= 100; NaN without samples. */
  double percentile(double p) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  double max() {
    return percentile(100);
  }

  /** {@code p50 123.4 · p99 234.5 · max 345.6 ms (n=12)}. */
  String summary() {
    if (millis.isEmpty()) {
      return "no samples";
    }
    return String.format(
        Locale.ROOT,
        "p50 %.1f · p99 %.1f · max %.1f ms (n=%d)",
        percentile(50),
        percentile(99),
        max(),
        count());
  }
}
