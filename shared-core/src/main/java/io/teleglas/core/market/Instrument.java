package io.teleglas.core.market;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A venue's perpetual on a coin, with how many coins one unit of it stands for. Most contracts
 * trade one coin per unit ({@code BTCUSDT}); low-priced coins often trade per 1000 or per million
 * ({@code 1000PEPEUSDT}, {@code kPEPE}, {@code SHIB1000USDT}), where the quoted price is for {@code
 * multiplier} coins and one unit of quantity is {@code multiplier} coins.
 *
 * @param venue the venue listing it
 * @param name the venue's exact instrument name (Hyperliquid's is case-sensitive), no whitespace
 * @param coin the coin underneath
 * @param multiplier coins per unit, >= 1
 */
public record Instrument(Venue venue, String name, Coin coin, long multiplier) {

  private static final Pattern NAME = Pattern.compile("\\S{1,64}");

  public Instrument {
    Objects.requireNonNull(venue, "venue is null");
    Objects.requireNonNull(name, "name is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "instrument name must be 1-64 characters without whitespace, got "
              + Invariants.quoted(name));
    }
    Objects.requireNonNull(coin, "coin is null");
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be >= 1, got " + multiplier);
    }
  }

  /**
   * The venue's one-coin perpetual named by its naming rule, such as {@code BTCUSDT} on Binance.
   */
  public static Instrument perpetual(Venue venue, Coin coin) {
    return new Instrument(venue, venue.perpetualName(coin), coin, 1);
  }

  /** USD per one coin, from a price this instrument quotes (per {@code multiplier} coins). */
  public double coinPrice(double instrumentPrice) {
    return instrumentPrice / multiplier;
  }

  /** Coins, from a quantity in this instrument's units. */
  public double coinQuantity(double instrumentQuantity) {
    return instrumentQuantity * multiplier;
  }
}
