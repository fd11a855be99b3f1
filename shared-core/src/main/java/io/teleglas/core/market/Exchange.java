package io.teleglas.core.market;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A derivatives exchange by the name users see: {@code Binance}, {@code OKX}, {@code dYdX}. Any
 * exchange is allowed, not only the {@link Venue}s we connect to, because aggregators such as
 * CoinGlass report dozens. Build from upstream or user text with {@link #of(String)}, which fixes
 * case and known aliases so that one exchange has one name.
 *
 * @param name 1 to 32 characters without surrounding whitespace, control characters or {@code < >
 *     &}
 */
public record Exchange(String name) {

  public static final Exchange BINANCE = new Exchange("Binance");
  public static final Exchange BYBIT = new Exchange("Bybit");
  public static final Exchange OKX = new Exchange("OKX");
  public static final Exchange HYPERLIQUID = new Exchange("Hyperliquid");

  /** Every exchange together, for aggregated figures (CoinGlass coin-level totals). */
  public static final Exchange ALL = new Exchange("All exchanges");

  private static final Map<String, String> NAMES_BY_KEY = namesByKey();

  public Exchange {
    Objects.requireNonNull(name, "name is null");
    if (name.isBlank() || name.length() > 32 || !name.equals(name.strip())) {
      throw new IllegalArgumentException(
          "exchange name must be 1-32 characters without surrounding spaces, got "
              + Invariants.quoted(name));
    }
    for (int i = 0; i < name.length(); i++) {
      if (isForbidden(name.charAt(i))) {
        throw new IllegalArgumentException(
            "exchange name has a forbidden character at index "
                + i
                + ": "
                + Invariants.quoted(name));
      }
    }
  }

  /**
   * The exchange called {@code name}, trimmed, with the usual spelling of a known exchange whatever
   * the case or alias ({@code "okex"} is OKX, {@code "gate.io"} is Gate, {@code "huobi"} is HTX);
   * an unknown name is kept as given.
   *
   * @throws IllegalArgumentException if the trimmed name is not a valid exchange name
   */
  public static Exchange of(String name) {
    Objects.requireNonNull(name, "name is null");
    String trimmed = name.strip();
    return new Exchange(NAMES_BY_KEY.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed));
  }

  private static boolean isForbidden(char c) {
    return Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT
        || c == '<'
        || c == '>'
        || c == '&';
  }

  private static Map<String, String> namesByKey() {
    List<String> names =
        List.of(
            "Binance",
            "OKX",
            "Bybit",
            "Bitget",
            "Gate",
            "HTX",
            "Hyperliquid",
            "dYdX",
            "Deribit",
            "BingX",
            "MEXC",
            "Kraken",
            "BitMEX",
            "Bitfinex",
            "CoinEx",
            "Coinbase",
            "CME",
            "KuCoin",
            "Gemini",
            "Crypto.com",
            "Bitunix",
            "WhiteBIT",
            "Aster",
            "Lighter",
            "EdgeX",
            "Drift",
            "Paradex",
            "Extended");
    Map<String, String> byKey = new HashMap<>();
    for (String name : names) {
      byKey.put(name.toLowerCase(Locale.ROOT), name);
    }
    byKey.put("okex", "OKX");
    byKey.put("gate.io", "Gate");
    byKey.put("gateio", "Gate");
    byKey.put("huobi", "HTX");
    return Map.copyOf(byKey);
  }
}
