package io.teleglas.core.exchange;

import io.teleglas.core.market.Instrument;
import java.util.OptionalDouble;

/** Small conversions and checks the venue clients share. */
public final class Amounts {
  private Amounts() {}

  /** An optional price quoted by the instrument, as USD per coin. */
  public static OptionalDouble coinPrice(Instrument instrument, OptionalDouble instrumentPrice) {
    return instrumentPrice.isPresent()
        ? OptionalDouble.of(instrument.coinPrice(instrumentPrice.getAsDouble()))
        : OptionalDouble.empty();
  }

  /**
   * The large-trade threshold, checked.
   *
   * @throws IllegalArgumentException if it is negative or not finite
   */
  public static double requireMinUsd(double minUsd) {
    if (!(minUsd >= 0) || Double.isInfinite(minUsd)) {
      throw new IllegalArgumentException("minUsd must be a finite number >= 0: " + minUsd);
    }
    return minUsd;
  }
}
