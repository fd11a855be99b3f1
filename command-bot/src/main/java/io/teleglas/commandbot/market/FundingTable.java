package io.teleglas.commandbot.market;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.FundingRate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Current funding of a coin's USDT-margined perpetuals per exchange, the open-interest-weighted
 * average when open interest per exchange is known, and the next settlement.
 *
 * @param oiWeighted average rate weighted by each exchange's open interest, over {@code
 *     weightedOver} exchanges
 */
public record FundingTable(
    Coin coin,
    List<FundingRate> rates,
    OptionalDouble oiWeighted,
    int weightedOver,
    Optional<Instant> nextFunding) {
  public FundingTable {
    Objects.requireNonNull(coin, "coin is null");
    rates = List.copyOf(rates);
    Objects.requireNonNull(oiWeighted, "oiWeighted is null");
    Objects.requireNonNull(nextFunding, "nextFunding is null");
  }
}
