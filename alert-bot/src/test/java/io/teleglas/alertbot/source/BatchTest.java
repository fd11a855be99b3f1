package io.teleglas.alertbot.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {

  private static Trade trade(double price, double quantity) {
    return new Trade(
        Exchange.BINANCE,
        new Coin("BTC"),
        "BTCUSDT",
        TakerSide.BUY,
        price,
        quantity,
        price * quantity,
        Instant.ofEpochMilli(1),
        "1");
  }

  @Test
  void result_withoutItemsIsEmptyData() {
    assertThat(new Batch().result()).isEqualTo(Decoded.data(List.of()));
  }

  @Test
  void result_keepsGoodItemsAndCountsTheDroppedWithTheFirstReason() {
    Batch batch = new Batch();
    batch.add("data[0]", () -> trade(100, 1));
    batch.add("data[1]", () -> trade(-1, 1));
    batch.add("data[2]", () -> trade(100, -1));
    batch.add("data[3]", () -> trade(100, 2));

    Decoded decoded = batch.result();

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).extracting(e -> e.usdValue()).containsExactly(100.0, 200.0);
    assertThat(decoded.dropped()).isEqualTo(2);
    assertThat(decoded.error())
        .hasValueSatisfying(
            e -> assertThat(e).startsWith("dropped 2 of 4 items, first data[1]: price"));
  }

  @Test
  void result_whenEveryItemIsDroppedIsInvalidWithTheCount() {
    Batch batch = new Batch();
    batch.drop(3, "data[0]: no instId");

    Decoded decoded = batch.result();

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.dropped()).isEqualTo(3);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("no instId"));
  }

  @Test
  void add_dropsImplausibleFigures() {
    Batch batch = new Batch();
    batch.add("usd", () -> trade(100_000, 200_000));
    batch.add("price", () -> trade(Batch.MAX_COIN_PRICE * 2, 0.001));
    batch.add("fine", () -> trade(100_000, 50_000));

    Decoded decoded = batch.result();

    assertThat(decoded.events()).hasSize(1);
    assertThat(decoded.dropped()).isEqualTo(2);
  }
}
