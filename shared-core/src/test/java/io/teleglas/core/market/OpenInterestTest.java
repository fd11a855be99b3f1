package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenInterestTest {

  private static final Coin ETH = new Coin("ETH");
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void constructor_acceptsZeroAndMissingCoinQuantity() {
    OpenInterest openInterest =
        new OpenInterest(Exchange.BYBIT, ETH, 0, OptionalDouble.empty(), TIME);

    assertThat(openInterest.usdValue()).isZero();
    assertThat(openInterest.coinQuantity()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
  void constructor_rejectsBadUsdValue(double usdValue) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new OpenInterest(Exchange.BYBIT, ETH, usdValue, OptionalDouble.of(1), TIME))
        .withMessageStartingWith("usdValue ");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, Double.NaN, Double.NEGATIVE_INFINITY})
  void constructor_rejectsBadCoinQuantity(double quantity) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new OpenInterest(Exchange.BYBIT, ETH, 1e9, OptionalDouble.of(quantity), TIME))
        .withMessageStartingWith("coinQuantity ");
  }

  @Test
  void constructor_rejectsMissingFields() {
    assertThatNullPointerException()
        .isThrownBy(() -> new OpenInterest(Exchange.BYBIT, ETH, 1, null, TIME))
        .withMessage("coinQuantity is null");
    assertThatNullPointerException()
        .isThrownBy(() -> new OpenInterest(null, ETH, 1, OptionalDouble.empty(), TIME))
        .withMessage("exchange is null");
  }
}
