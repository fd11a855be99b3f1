package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FundingRateTest {

  private static final Coin BTC = new Coin("BTC");
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void annualized_isRateTimesIntervalsPerYear() {
    assertThat(funding(0.0001, Duration.ofHours(8)).annualized()).isCloseTo(0.1095, within(1e-12));
    assertThat(funding(0.0001, Duration.ofHours(1)).annualized()).isCloseTo(0.876, within(1e-12));
    assertThat(funding(0.0001, Duration.ofHours(4)).annualized()).isCloseTo(0.219, within(1e-12));
  }

  @Test
  void annualized_keepsTheSignOfANegativeRate() {
    assertThat(funding(-0.00025, Duration.ofHours(8)).annualized())
        .isCloseTo(-0.27375, within(1e-12));
  }

  @Test
  void constructor_keepsOptionalNextFundingTime() {
    Instant next = TIME.plus(Duration.ofHours(8));
    FundingRate rate =
        new FundingRate(Exchange.OKX, BTC, 0.0001, Duration.ofHours(8), Optional.of(next), TIME);

    assertThat(rate.nextFundingTime()).contains(next);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void constructor_rejectsNonFiniteRate(double rate) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> funding(rate, Duration.ofHours(8)))
        .withMessageStartingWith("rate ");
  }

  @Test
  void constructor_rejectsNonPositiveOrHugeInterval() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> funding(0.0001, Duration.ZERO))
        .withMessageContaining("PT0S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> funding(0.0001, Duration.ofHours(-8)))
        .withMessageContaining("PT-8H");
    assertThatIllegalArgumentException().isThrownBy(() -> funding(0.0001, Duration.ofDays(366)));
  }

  @Test
  void constructor_rejectsMissingFields() {
    assertThatNullPointerException()
        .isThrownBy(
            () -> new FundingRate(Exchange.OKX, BTC, 0.0001, Duration.ofHours(8), null, TIME))
        .withMessage("nextFundingTime is null");
    assertThatNullPointerException()
        .isThrownBy(() -> new FundingRate(Exchange.OKX, BTC, 0.0001, null, Optional.empty(), TIME))
        .withMessage("interval is null");
  }

  private static FundingRate funding(double rate, Duration interval) {
    return new FundingRate(Exchange.BINANCE, BTC, rate, interval, Optional.empty(), TIME);
  }
}
