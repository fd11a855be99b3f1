package io.teleglas.core.coinglass;

import java.util.Objects;
import java.util.OptionalDouble;

/** The range checks the result records share. */
final class Checks {
  private Checks() {}

  static void positive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
    }
  }

  static void nonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
    }
  }

  static void finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
  }

  static void positive(OptionalDouble value, String name) {
    Objects.requireNonNull(value, name + " is null").ifPresent(v -> positive(v, name));
  }

  static void nonNegative(OptionalDouble value, String name) {
    Objects.requireNonNull(value, name + " is null").ifPresent(v -> nonNegative(v, name));
  }

  static void finite(OptionalDouble value, String name) {
    Objects.requireNonNull(value, name + " is null").ifPresent(v -> finite(v, name));
  }
}
