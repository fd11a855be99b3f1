package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TradeTest {

  private static final Coin BTC = new Coin("BTC");
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void constructor_acceptsEmptyTradeId() {
    MarketEvent event =
        new Trade(Exchange.HYPERLIQUID, BTC, "BTC", TakerSide.BUY, 100_000, 3, 300_000, TIME, "");

    assertThat(event)
        .isInstanceOfSatisfying(
            Trade.class,
            trade -> {
              assertThat(trade.tradeId()).isEmpty();
              assertThat(trade.side()).isEqualTo(TakerSide.BUY);
              assertThat(trade.usdValue()).isEqualTo(300_000);
            });
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void constructor_rejectsBadNumbers(double bad) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> trade(bad, 1, 1))
        .withMessageStartingWith("price ");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> trade(1, bad, 1))
        .withMessageStartingWith("quantity ");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> trade(1, 1, bad))
        .withMessageStartingWith("usdValue ");
  }

  @Test
  void constructor_rejectsMissingFields() {
    Exchange okx = Exchange.OKX;
    TakerSide sell = TakerSide.SELL;
    assertThatNullPointerException()
        .isThrownBy(() -> new Trade(okx, BTC, "BTC-USDT-SWAP", null, 1, 1, 1, TIME, "7"))
        .withMessage("side is null");
    assertThatNullPointerException()
        .isThrownBy(() -> new Trade(okx, BTC, "BTC-USDT-SWAP", sell, 1, 1, 1, TIME, null))
        .withMessage("tradeId is null");
    assertThatNullPointerException()
        .isThrownBy(() -> new Trade(okx, BTC, "BTC-USDT-SWAP", sell, 1, 1, 1, null, "7"))
        .withMessage("time is null");
  }

  private static Trade trade(double price, double quantity, double usdValue) {
    return new Trade(
        Exchange.OKX,
        BTC,
        "BTC-USDT-SWAP",
        TakerSide.SELL,
        price,
        quantity,
        usdValue,
        TIME,
        "7000001");
  }
}
