package io.teleglas.alertbot.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.coinglass.WhaleAlert;
import io.teleglas.core.coinglass.WhaleAlert.Action;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** How {@link CoinglassWhalePoller} turns a whale alert into the trade flow it stands for. */
class CoinglassWhalePollerTest {
  private static final InstrumentCatalog INSTRUMENTS = InstrumentCatalog.bundled();
  private static final Instant TIME = Instant.parse("2025-04-21T07:11:57Z");
  private static final String USER = "0x3fd4444154242720c0d0c61c74a240d90c127d33";

  private static Trade trade(String coin, PositionSide side, Action action) {
    WhaleAlert alert =
        new WhaleAlert(
            USER,
            new Coin(coin),
            side,
            12_700,
            21_003_260,
            1611.62,
            OptionalDouble.of(527.2521),
            action,
            TIME);
    return CoinglassWhalePoller.trade(alert, INSTRUMENTS);
  }

  @Test
  void trade_buysWhenALongOpensOrAShortCloses() {
    assertThat(trade("ETH", PositionSide.LONG, Action.OPEN).side()).isEqualTo(TakerSide.BUY);
    assertThat(trade("ETH", PositionSide.SHORT, Action.CLOSE).side()).isEqualTo(TakerSide.BUY);
  }

  @Test
  void trade_sellsWhenAShortOpensOrALongCloses() {
    assertThat(trade("ETH", PositionSide.SHORT, Action.OPEN).side()).isEqualTo(TakerSide.SELL);
    assertThat(trade("ETH", PositionSide.LONG, Action.CLOSE).side()).isEqualTo(TakerSide.SELL);
  }

  @Test
  void trade_isThePositionOnHyperliquidPricedAtItsValuePerCoin() {
    Trade trade = trade("ETH", PositionSide.LONG, Action.CLOSE);

    assertThat(trade.exchange()).isEqualTo(Exchange.HYPERLIQUID);
    assertThat(trade.instrument()).isEqualTo("ETH");
    assertThat(trade.quantity()).isEqualTo(12_700);
    assertThat(trade.usdValue()).isEqualTo(21_003_260);
    assertThat(trade.price()).isEqualTo(21_003_260.0 / 12_700);
    assertThat(trade.time()).isEqualTo(TIME);
  }

  @Test
  void trade_isNamedByUserActionAndTimeSoAFlipIsTwoTrades() {
    assertThat(trade("ETH", PositionSide.LONG, Action.CLOSE).tradeId())
        .isEqualTo("whale:" + USER + ":close:1745219517000");
    assertThat(trade("ETH", PositionSide.SHORT, Action.OPEN).tradeId())
        .isEqualTo("whale:" + USER + ":open:1745219517000");
  }

  @Test
  void trade_usesHyperliquidsNameForAMultiplierCoin() {
    assertThat(trade("PEPE", PositionSide.LONG, Action.OPEN).instrument()).isEqualTo("kPEPE");
  }
}
