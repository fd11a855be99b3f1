package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiquidationTest {

  private static final Coin PEPE = new Coin("PEPE");
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void constructor_keepsValuesAndIsAMarketEvent() {
    MarketEvent event =
        new Liquidation(
            Exchange.BINANCE,
            PEPE,
            "1000PEPEUSDT",
            PositionSide.LONG,
            0.00001,
            50_000_000,
            500,
            TIME);

    assertThat(event)
        .isInstanceOfSatisfying(
            Liquidation.class,
            liquidation -> {
              assertThat(liquidation.exchange()).isEqualTo(Exchange.BINANCE);
              assertThat(liquidation.coin()).isEqualTo(PEPE);
              assertThat(liquidation.instrument()).isEqualTo("1000PEPEUSDT");
              assertThat(liquidation.side()).isEqualTo(PositionSide.LONG);
              assertThat(liquidation.price()).isEqualTo(0.00001);
              assertThat(liquidation.quantity()).isEqualTo(50_000_000);
              assertThat(liquidation.usdValue()).isEqualTo(500);
              assertThat(liquidation.time()).isEqualTo(TIME);
            });
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void constructor_rejectsBadPrice(double price) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> liquidation(price, 1, 100))
        .withMessageStartingWith("price ")
        .withMessageContaining(String.valueOf(price));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY})
  void constructor_rejectsBadQuantity(double quantity) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> liquidation(100, quantity, 100))
        .withMessageStartingWith("quantity ");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -100, Double.NaN, Double.NEGATIVE_INFINITY})
  void constructor_rejectsBadUsdValue(double usdValue) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> liquidation(100, 1, usdValue))
        .withMessageStartingWith("usdValue ");
  }

  @Test
  void constructor_rejectsMissingFields() {
    PositionSide longs = PositionSide.LONG;
    assertThatNullPointerException()
        .isThrownBy(() -> new Liquidation(null, PEPE, "X", longs, 1, 1, 1, TIME))
        .withMessage("exchange is null");
    assertThatNullPointerException()
        .isThrownBy(() -> new Liquidation(Exchange.OKX, null, "X", longs, 1, 1, 1, TIME))
        .withMessage("coin is null");
    assertThatNullPointerException()
        .isThrownBy(() -> new Liquidation(Exchange.OKX, PEPE, null, longs, 1, 1, 1, TIME))
        .withMessage("instrument is null");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Liquidation(Exchange.OKX, PEPE, " ", longs, 1, 1, 1, TIME))
        .withMessage("instrument is blank");
    assertThatNullPointerException()
        .isThrownBy(() -> new Liquidation(Exchange.OKX, PEPE, "X", null, 1, 1, 1, TIME))
        .withMessage("side is null");
    assertThatNullPointerException()
        .isThrownBy(() -> new Liquidation(Exchange.OKX, PEPE, "X", longs, 1, 1, 1, null))
        .withMessage("time is null");
  }

  private static Liquidation liquidation(double price, double quantity, double usdValue) {
    return new Liquidation(
        Exchange.BYBIT, PEPE, "1000PEPEUSDT", PositionSide.SHORT, price, quantity, usdValue, TIME);
  }
}
