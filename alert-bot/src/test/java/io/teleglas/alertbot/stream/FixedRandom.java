package io.teleglas.alertbot.stream;

import java.util.random.RandomGenerator;

/** A "random" source that always draws the same fraction, so backoff delays are exact. */
final class FixedRandom implements RandomGenerator {
  /** Draws as close to 1 as a double in [0, 1) gets: every delay at its ceiling. */
  static final FixedRandom HIGHEST = new FixedRandom(Math.nextDown(1.0));

  private final double fraction;

  FixedRandom(double fraction) {
    this.fraction = fraction;
  }

  @Override
  public double nextDouble() {
    return fraction;
  }

  @Override
  public long nextLong() {
    throw new UnsupportedOperationException("backoff draws doubles only");
  }
}
