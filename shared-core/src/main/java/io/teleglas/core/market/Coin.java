package io.teleglas.core.market;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A coin: the upper-case base asset a market is about, such as {@code BTC} or {@code PEPE}. Never a
 * venue's contract name ({@code 1000PEPE}, {@code kPEPE}, {@code BTCUSDT}); {@link
 * InstrumentCatalog} maps between the two and {@link SymbolResolver} turns what users type into a
 * coin.
 *
 * @param symbol 1 to 20 characters of {@code A-Z} and {@code 0-9}, at least one a letter ({@code
 *     1INCH})
 */
public record Coin(String symbol) {

  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{0,19}[A-Z][A-Z0-9]{0,19}");

  public Coin {
    Objects.requireNonNull(symbol, "symbol is null");
    if (!isValid(symbol)) {
      throw new IllegalArgumentException(
          "coin symbol must be 1-20 upper-case letters and digits"
              + " with at least one letter, got "
              + Invariants.quoted(symbol));
    }
  }

  /**
   * Whether {@code symbol} may name a coin; lets callers test input without catching exceptions.
   */
  public static boolean isValid(String symbol) {
    return symbol != null && symbol.length() <= 20 && SYMBOL.matcher(symbol).matches();
  }
}
