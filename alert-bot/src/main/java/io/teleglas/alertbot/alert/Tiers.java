package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which coins are majors and which are large caps; every other coin is in {@link Tier#OTHERS}.
 *
 * @param majors the major coins
 * @param largeCaps the large caps, none of them a major
 */
public record Tiers(Set<Coin> majors, Set<Coin> largeCaps) {

  /** The contract's tiers: BTC, ETH, SOL; BNB, XRP, ADA, DOGE, AVAX, DOT. */
  public static final Tiers DEFAULT =
      new Tiers(coins("BTC", "ETH", "SOL"), coins("BNB", "XRP", "ADA", "DOGE", "AVAX", "DOT"));

  public Tiers {
    majors = Set.copyOf(majors);
    largeCaps = Set.copyOf(largeCaps);
    for (Coin coin : largeCaps) {
      if (majors.contains(coin)) {
        throw new IllegalArgumentException(coin.symbol() + " is both a major and a large cap");
      }
    }
  }

  public Tier tierOf(Coin coin) {
    if (majors.contains(coin)) {
      return Tier.MAJORS;
    }
    return largeCaps.contains(coin) ? Tier.LARGE_CAPS : Tier.OTHERS;
  }

  static Set<Coin> coins(String... symbols) {
    return Stream.of(symbols).map(Coin::new).collect(Collectors.toUnmodifiableSet());
  }
}
