package io.teleglas.core.coinglass;

import io.teleglas.core.upstream.Fetched;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts the rows of one CoinGlass answer, skipping rows that lack a required field or fail a
 * record's checks. Skipped rows are counted and logged once per answer; an answer whose rows were
 * all skipped is an upstream error, never an empty table. Not thread-safe: one per answer.
 */
final class RowReader {
  private static final Logger log = LoggerFactory.getLogger(RowReader.class);

  private final String endpoint;
  private int seen;
  private int skipped;
  private String firstProblem;

  RowReader(String endpoint) {
    this.endpoint = endpoint;
  }

  /** The rows {@code convert} accepts, in order; a {@code null} row counts as skipped. */
  <W, R> List<R> convert(List<W> rows, Function<W, R> convert) {
    List<R> out = new ArrayList<>();
    if (rows == null) {
      return out;
    }
    for (W row : rows) {
      seen++;
      if (row == null) {
        skip("null row");
        continue;
      }
      try {
        out.add(convert.apply(row));
      } catch (IllegalArgumentException | NullPointerException e) {
        skip(e.getMessage());
      }
    }
    return out;
  }

  /**
   * The value, after logging skipped rows; an upstream error instead when CoinGlass sent rows but
   * none could be used ({@code anyUsable} false).
   */
  <T> Fetched<T> finish(T value, boolean anyUsable, Instant at) {
    if (skipped > 0) {
      log.warn(
          "CoinGlass {}: skipped {} of {} rows, first because: {}",
          endpoint,
          skipped,
          seen,
          firstProblem);
    }
    if (!anyUsable) {
      return Fetched.unavailable(
          Fetched.Reason.UPSTREAM_ERROR,
          "CoinGlass sent rows without required fields",
          Refusals.SOURCE);
    }
    return Fetched.value(value, Refusals.SOURCE, at);
  }

  /** Counts a part of the answer outside any row list (a required total) as unusable. */
  void reject(String problem) {
    seen++;
    skip(problem);
  }

  private void skip(String problem) {
    skipped++;
    if (firstProblem == null) {
      firstProblem = problem;
    }
  }

  /** The value, or an exception naming the missing field, which skips the row. */
  static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value;
  }
}
