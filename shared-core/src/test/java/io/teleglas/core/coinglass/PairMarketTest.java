package io.teleglas.core.coinglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.OpenInterest;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PairMarketTest {
  private static PairMarket pair(double price, OptionalDouble oiUsd, OptionalDouble oiQuantity) {
    return new PairMarket(
        Exchange.BINANCE,
        new Coin("BTC"),
        "BTCUSD_PERP",
        Optional.of("BTC/USD"),
        price,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        oiUsd,
        oiQuantity,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Instant.EPOCH);
  }

  @Test
  void openInterest_keepsTheQuantityOnlyWhenItIsInCoins() {
    OpenInterest coins =
        pair(100, OptionalDouble.of(1_000), OptionalDouble.of(10)).openInterest().orElseThrow();
    OpenInterest contracts =
        pair(100, OptionalDouble.of(1_000), OptionalDouble.of(1_000)).openInterest().orElseThrow();

    assertThat(coins.coinQuantity()).hasValue(10);
    assertThat(contracts.coinQuantity()).isEmpty();
    assertThat(contracts.usdValue()).isEqualTo(1_000);
  }

  @Test
  void openInterest_isEmptyWithoutAUsdFigure() {
    assertThat(pair(100, OptionalDouble.empty(), OptionalDouble.of(10)).openInterest()).isEmpty();
  }

  @Test
  void constructor_rejectsAZeroPrice() {
    assertThatThrownBy(() -> pair(0, OptionalDouble.empty(), OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("price");
  }
}
