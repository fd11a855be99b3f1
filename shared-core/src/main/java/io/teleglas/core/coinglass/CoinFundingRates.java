package io.teleglas.core.coinglass;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.FundingRate;
import java.util.List;
import java.util.Objects;

/**
 * A coin's current funding on every exchange CoinGlass lists, from {@code
 * /api/futures/funding-rate/exchange-list} (all plans). Rates are fractions per interval.
 *
 * @param stablecoinMargined USDT/USDC-margined perpetuals
 * @param coinMargined coin-margined (inverse) perpetuals
 */
public record CoinFundingRates(
    Coin coin, List<FundingRate> stablecoinMargined, List<FundingRate> coinMargined) {

  public CoinFundingRates {
    Objects.requireNonNull(coin, "coin is null");
    stablecoinMargined = List.copyOf(stablecoinMargined);
    coinMargined = List.copyOf(coinMargined);
  }
}
