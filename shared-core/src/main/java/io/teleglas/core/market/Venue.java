package io.teleglas.core.market;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An exchange we connect to directly, with its rule for naming a coin's linear perpetual: the
 * USDT-margined {@code BTCUSDT} on Binance and Bybit and {@code BTC-USDT-SWAP} on OKX, and the
 * USDC-margined perpetual named by the coin itself ({@code BTC}) on Hyperliquid. Contracts quoted
 * per 1000 coins break the rule; {@link InstrumentCatalog} holds those.
 */
public enum Venue {
  BINANCE(Exchange.BINANCE),
  BYBIT(Exchange.BYBIT),
  OKX(Exchange.OKX),
  HYPERLIQUID(Exchange.HYPERLIQUID);

  private final Exchange exchange;

  Venue(Exchange exchange) {
    this.exchange = exchange;
  }

  public Exchange exchange() {
    return exchange;
  }

  /**
   * The name this venue's rule gives the coin's perpetual: {@code BTCUSDT}, {@code BTC-USDT-SWAP},
   * {@code BTC}.
   */
  public String perpetualName(Coin coin) {
    Objects.requireNonNull(coin, "coin is null");
    return switch (this) {
      case BINANCE, BYBIT -> coin.symbol() + "USDT";
      case OKX -> coin.symbol() + "-USDT-SWAP";
      case HYPERLIQUID -> coin.symbol();
    };
  }

  /**
   * The coin of a name that follows this venue's naming rule ({@code BTCUSDT} on Binance is BTC).
   * Empty for any other name, and for names that look like multiplier contracts ({@code
   * 1000PEPEUSDT}, {@code SHIB1000USDT}, {@code kPEPE}): only a table knows those, and guessing
   * would be off by 1000x.
   */
  public Optional<Coin> perpetualCoin(String name) {
    Objects.requireNonNull(name, "name is null");
    String base =
        switch (this) {
          case BINANCE, BYBIT -> withoutSuffix(name, "USDT");
          case OKX -> withoutSuffix(name, "-USDT-SWAP");
          case HYPERLIQUID -> name;
        };
    if (!Coin.isValid(base) || MultiplierNames.coinPart(base).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new Coin(base));
  }

  /**
   * The lookup form of an instrument name: Hyperliquid's as given (case-sensitive), the others
   * upper case.
   */
  String nameKey(String name) {
    return this == HYPERLIQUID ? name : name.toUpperCase(Locale.ROOT);
  }

  private static String withoutSuffix(String name, String suffix) {
    return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : "";
  }
}
