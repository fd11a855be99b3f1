package io.teleglas.core.coinglass;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One figure over several {@link Window}s, such as a coin's price change over 1 h, 4 h and 24 h. A
 * window CoinGlass did not send is absent, never 0. Immutable.
 *
 * @param values finite values by window
 */
public record ByWindow(Map<Window, Double> values) {

  private static final ByWindow EMPTY = new ByWindow(Map.of());

  public ByWindow {
    Objects.requireNonNull(values, "values is null");
    EnumMap<Window, Double> copy = new EnumMap<>(Window.class);
    values.forEach(
        (window, value) -> {
          Objects.requireNonNull(window, "window is null");
          if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException(window.code() + " value must be finite: " + value);
          }
          copy.put(window, value);
        });
    values = Collections.unmodifiableMap(copy);
  }

  public static ByWindow empty() {
    return EMPTY;
  }

  /** The value over {@code window}, when CoinGlass sent one. */
  public OptionalDouble get(Window window) {
    Double value = values.get(window);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** Collects values; {@code null} values are skipped, since CoinGlass omits some windows. */
  static final class Builder {
    private final EnumMap<Window, Double> values = new EnumMap<>(Window.class);

    Builder put(Window window, Double value) {
      if (value != null) {
        values.put(window, value);
      }
      return this;
    }

    ByWindow build() {
      return new ByWindow(values);
    }
  }
}
