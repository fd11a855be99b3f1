package io.teleglas.core.market;

import java.util.Objects;

/** The range checks the market records share, so every record words its errors the same way. */
final class Invariants {

  private static final int QUOTED_MAX = 40;

  private Invariants() {}

  static double positive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
    }
    return value;
  }

  static double nonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
    }
    return value;
  }

  static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
    return value;
  }

  static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name + " is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  /** The value in quotes for an error message, cut short so a huge bad value cannot flood a log. */
  static String quoted(String value) {
    String shown = value.length() <= QUOTED_MAX ? value : value.substring(0, QUOTED_MAX) + "...";
    return "'" + shown + "'";
  }
}
