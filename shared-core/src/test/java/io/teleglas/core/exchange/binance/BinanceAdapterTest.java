package io.teleglas.core.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.core.exchange.WireFormatException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceAdapterTest {

  private static BinanceWire.FundingRateRow settled(long fundingTime) {
    return new BinanceWire.FundingRateRow("BTCUSDT", 0.0001, fundingTime);
  }

  @Test
  void settledInterval_roundsSettlementJitterToWholeMinutes() {
    List<BinanceWire.FundingRateRow> history =
        List.of(settled(1570608000004L), settled(1570622400001L));

    assertThat(BinanceAdapter.settledInterval(history)).contains(Duration.ofHours(4));
  }

  @Test
  void settledInterval_isEmptyWithFewerThanTwoSettlements() {
    assertThat(BinanceAdapter.settledInterval(List.of(settled(1570608000000L)))).isEmpty();
  }

  @Test
  void settledInterval_refusesAHistoryOutOfOrder() {
    List<BinanceWire.FundingRateRow> history =
        List.of(settled(1570636800000L), settled(1570608000000L));

    assertThatThrownBy(() -> BinanceAdapter.settledInterval(history))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void listedInterval_findsOnlyTheSymbolAskedFor() {
    List<BinanceWire.FundingInfo> info =
        List.of(
            new BinanceWire.FundingInfo("BLZUSDT", 8L),
            new BinanceWire.FundingInfo("1000PEPEUSDT", 4L));

    assertThat(BinanceAdapter.listedInterval("1000PEPEUSDT", info)).contains(Duration.ofHours(4));
    assertThat(BinanceAdapter.listedInterval("BTCUSDT", info)).isEmpty();
  }
}
