package io.teleglas.core.market;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How venues spell a contract quoted per many coins: a power of ten or {@code 1M} before the coin
 * ({@code 1000PEPE}, {@code 10000SATS}, {@code 1MBABYDOGE}), after it ({@code SHIB1000}), or
 * Hyperliquid's lower-case {@code k} ({@code kPEPE}). Digits that are not such a multiplier belong
 * to the coin ({@code 1INCH}).
 */
final class MultiplierNames {

  private static final String MULTIPLIER = "(?:1000|10000|100000|1000000|10000000)";
  private static final Pattern PREFIXED =
      Pattern.compile("(?:" + MULTIPLIER + "|1M)([A-Z][A-Z0-9]*)");
  private static final Pattern SUFFIXED =
      Pattern.compile("([A-Z](?:[A-Z0-9]*[A-Z])?)" + MULTIPLIER);
  private static final Pattern HYPERLIQUID_K = Pattern.compile("k([A-Z][A-Z0-9]*)");

  private MultiplierNames() {}

  /**
   * The coin in an upper-case multiplier name: {@code 1000PEPE} and {@code SHIB1000} give PEPE and
   * SHIB.
   */
  static Optional<String> coinPart(String upperCaseName) {
    Matcher prefixed = PREFIXED.matcher(upperCaseName);
    if (prefixed.matches()) {
      return Optional.of(prefixed.group(1));
    }
    Matcher suffixed = SUFFIXED.matcher(upperCaseName);
    return suffixed.matches() ? Optional.of(suffixed.group(1)) : Optional.empty();
  }

  /**
   * The coin in a Hyperliquid k-name, case-sensitive: {@code kPEPE} gives PEPE; {@code KAS}, {@code
   * kas} nothing.
   */
  static Optional<String> hyperliquidCoinPart(String name) {
    Matcher k = HYPERLIQUID_K.matcher(name);
    return k.matches() ? Optional.of(k.group(1)) : Optional.empty();
  }
}
