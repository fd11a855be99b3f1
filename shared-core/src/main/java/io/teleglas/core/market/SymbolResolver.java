package io.teleglas.core.market;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the symbol a user typed into a {@link Coin}, case-insensitively: a coin ({@code btc},
 * {@code $BTC}, {@code #btc}), a pair or instrument ({@code BTCUSDT}, {@code BTC/USDT}, {@code
 * BTC-USDT-SWAP}, {@code BTCPERP}, {@code BTCUSDT.P}) or a multiplier contract ({@code 1000PEPE},
 * {@code 1MBABYDOGE}, {@code SHIB1000USDT}, {@code kPEPE}). Anything else is rejected with a reason
 * that says what to type instead. Stateless and safe to share between threads.
 *
 * <p>Edge cases, decided once: a quote suffix is dropped only when something is left, so {@code
 * USDT}, {@code USDC} and {@code USD} alone are rejected as quote currencies while {@code PERP} is
 * a coin; a bare {@code USD} suffix is dropped only from names of 3 or more characters ({@code
 * BTCUSD} is BTC, {@code AUSD} stays AUSD); {@code 1000}, {@code 10000}, ... and {@code 1M} before
 * a letter are multipliers ({@code 1000PEPE} is PEPE) while other leading digits belong to the coin
 * ({@code 1INCH}); a lower-case {@code k} means a Hyperliquid 1000x contract only before an
 * upper-case coin that the catalog trades with a multiplier ({@code kPEPE} is PEPE; {@code KAS},
 * {@code kas} and {@code KSM} stay themselves).
 */
public final class SymbolResolver {

  private static final int MAX_INPUT = 30;
  private static final int MAX_ECHO = 16;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9$#/_.-]+");
  private static final Pattern PARTS = Pattern.compile("[A-Za-z0-9]+(?:[/_-][A-Za-z0-9]+)*");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Set<String> QUOTES = Set.of("USDT", "USDC", "USD");
  private static final Set<String> CONTRACT_TYPES = Set.of("SWAP", "PERP");

  private static final String TRY = " Try BTC or ETH.";
  private static final SymbolResolution NOT_A_SYMBOL =
      new SymbolResolution.Rejected("That is not a symbol. Try BTC, BTCUSDT or 1000PEPE.");

  private final InstrumentCatalog catalog;

  public SymbolResolver(InstrumentCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
  }

  /** Never throws: every input, {@code null} included, gives a resolution. */
  public SymbolResolution resolve(String userInput) {
    if (userInput == null || userInput.isBlank()) {
      return new SymbolResolution.Rejected("Symbol is empty." + TRY);
    }
    String input = userInput.strip();
    if (input.length() > MAX_INPUT) {
      return new SymbolResolution.Rejected("Symbol is too long." + TRY);
    }
    if (input.chars().anyMatch(Character::isWhitespace)) {
      return new SymbolResolution.Rejected("Send one symbol without spaces, like BTC or BTCUSDT.");
    }
    if (!ALLOWED.matcher(input).matches()) {
      return new SymbolResolution.Rejected(
          "A symbol has only letters and digits, like BTC or 1000PEPE.");
    }
    String body = withoutTradingViewSuffix(withoutTag(input));
    if (!PARTS.matcher(body).matches()) {
      return NOT_A_SYMBOL;
    }
    List<String> parts = List.of(body.split("[/_-]"));
    if (parts.size() > 1 && CONTRACT_TYPES.contains(upper(parts.get(parts.size() - 1)))) {
      parts = parts.subList(0, parts.size() - 1);
    }
    if (parts.size() > 2) {
      return NOT_A_SYMBOL;
    }
    if (parts.size() == 2 && !QUOTES.contains(upper(parts.get(1)))) {
      return new SymbolResolution.Rejected(
          "Only pairs against USDT, USDC or USD work. Try BTC or BTCUSDT.");
    }
    return resolveToken(parts.get(0), parts.size() == 1, input);
  }

  /** The venue's instrument for a resolved coin, from this resolver's catalog. */
  public Instrument instrument(Coin coin, Venue venue) {
    return catalog.instrument(coin, venue);
  }

  private SymbolResolution resolveToken(String token, boolean mayHaveQuoteSuffix, String input) {
    String name =
        MultiplierNames.hyperliquidCoinPart(token)
            .filter(coin -> Coin.isValid(coin) && catalog.hasMultiplier(new Coin(coin)))
            .orElseGet(
                () -> {
                  String upper = upper(token);
                  String base = mayHaveQuoteSuffix ? withoutQuoteSuffix(upper) : upper;
                  return MultiplierNames.coinPart(base).orElse(base);
                });
    if (DIGITS.matcher(name).matches()) {
      return new SymbolResolution.Rejected(echo(name) + " is a number, not a coin." + TRY);
    }
    if (QUOTES.contains(name)) {
      return new SymbolResolution.Rejected(name + " is a quote currency, not a coin." + TRY);
    }
    if (!Coin.isValid(name)) {
      return NOT_A_SYMBOL;
    }
    return new SymbolResolution.Resolved(new Coin(name), input);
  }

  private static String withoutTag(String input) {
    return input.startsWith("$") || input.startsWith("#") ? input.substring(1) : input;
  }

  private static String withoutTradingViewSuffix(String symbol) {
    return symbol.endsWith(".P") || symbol.endsWith(".p")
        ? symbol.substring(0, symbol.length() - 2)
        : symbol;
  }

  private static String withoutQuoteSuffix(String name) {
    String base =
        name.endsWith("PERP") && name.length() > 4 ? name.substring(0, name.length() - 4) : name;
    for (String quote : List.of("USDT", "USDC")) {
      if (base.endsWith(quote) && base.length() > quote.length()) {
        return base.substring(0, base.length() - quote.length());
      }
    }
    if (base.endsWith("USD") && base.length() >= 6) {
      return base.substring(0, base.length() - 3);
    }
    return base;
  }

  private static String echo(String text) {
    return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
  }

  private static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }
}
