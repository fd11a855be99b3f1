package io.teleglas.alertbot.market;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.OpenInterest;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One poll's funding rates and open interest for one coin, per exchange, from one source. Every
 * figure is the source's; an exchange the source did not answer for is simply absent. Immutable.
 *
 * @param coin the coin every figure is about
 * @param source who was asked: "CoinGlass", or "exchange APIs" for the venues' keyless APIs; the
 *     same from poll to poll whichever exchanges answered (see {@link MarketSource#name()})
 * @param time when the poll read it (wall clock)
 * @param funding funding rates, at most one per exchange
 * @param openInterest open interest, at most one per exchange, never {@link Exchange#ALL}
 */
public record MarketReading(
    Coin coin,
    String source,
    Instant time,
    List<FundingRate> funding,
    List<OpenInterest> openInterest) {

  public MarketReading {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(time, "time is null");
    funding = List.copyOf(funding);
    openInterest = List.copyOf(openInterest);
    if (funding.isEmpty() && openInterest.isEmpty()) {
      throw new IllegalArgumentException("a reading needs funding or open interest");
    }
    Set<Exchange> seen = new HashSet<>();
    for (FundingRate f : funding) {
      check(coin, f.coin(), f.exchange(), seen, "funding");
    }
    seen.clear();
    for (OpenInterest oi : openInterest) {
      check(coin, oi.coin(), oi.exchange(), seen, "open interest");
      if (oi.exchange().equals(Exchange.ALL)) {
        throw new IllegalArgumentException("open interest per exchange, not the total");
      }
    }
  }

  /** The open interest in USD on {@code exchange}, when this reading has it. */
  public Optional<Double> openInterestUsd(Exchange exchange) {
    return openInterest.stream()
        .filter(oi -> oi.exchange().equals(exchange))
        .map(OpenInterest::usdValue)
        .findFirst();
  }

  private static void check(
      Coin coin, Coin other, Exchange exchange, Set<Exchange> seen, String what) {
    if (!coin.equals(other)) {
      throw new IllegalArgumentException(
          what + " for " + other.symbol() + " in a " + coin.symbol() + " reading");
    }
    if (!seen.add(exchange)) {
      throw new IllegalArgumentException("two " + what + " figures for " + exchange.name());
    }
  }
}
