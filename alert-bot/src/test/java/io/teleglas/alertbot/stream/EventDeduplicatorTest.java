package io.teleglas.alertbot.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.stream.EventDeduplicator.Verdict;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventDeduplicatorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final EventDeduplicator dedup =
      new EventDeduplicator(Duration.ofMinutes(10), 1_000, clock);

  private static Trade trade(String id, Instant time, double price) {
    return new Trade(
        Exchange.HYPERLIQUID, new Coin("BTC"), "BTC", TakerSide.BUY, price, 2, price * 2, time, id);
  }

  private static Liquidation liquidation(PositionSide side, double usd, Instant time) {
    return new Liquidation(
        Exchange.BINANCE, new Coin("ETH"), "ETHUSDT", side, 2000, usd / 2000, usd, time);
  }

  @Test
  void check_sameTradeIdTwiceIsADuplicate() {
    assertThat(dedup.check(trade("7", T0, 100))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(trade("7", T0, 100))).isEqualTo(Verdict.DUPLICATE);
    assertThat(dedup.check(trade("8", T0, 100))).isEqualTo(Verdict.NEW);
    assertThat(dedup.duplicates()).isEqualTo(1);
  }

  @Test
  void check_tradeIdsAreKeptApartByExchange() {
    Trade onHyperliquid = trade("7", T0, 100);
    Trade onBybit =
        new Trade(Exchange.BYBIT, new Coin("BTC"), "BTC", TakerSide.BUY, 100, 2, 200, T0, "7");

    assertThat(dedup.check(onHyperliquid)).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(onBybit)).isEqualTo(Verdict.NEW);
  }

  @Test
  void check_tradesWithoutIdAreComparedByContent() {
    assertThat(dedup.check(trade("", T0, 100))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(trade("", T0, 100))).isEqualTo(Verdict.DUPLICATE);
    assertThat(dedup.check(trade("", T0, 101))).isEqualTo(Verdict.NEW);
  }

  @Test
  void check_liquidationsAreKeyedBySideTimeAndUsdValue() {
    assertThat(dedup.check(liquidation(PositionSide.LONG, 50_000, T0))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(liquidation(PositionSide.LONG, 50_000, T0)))
        .isEqualTo(Verdict.DUPLICATE);
    assertThat(dedup.check(liquidation(PositionSide.SHORT, 50_000, T0))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(liquidation(PositionSide.LONG, 50_001, T0))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(liquidation(PositionSide.LONG, 50_000, T0.plusMillis(1))))
        .isEqualTo(Verdict.NEW);
  }

  @Test
  void check_forgetsAfterTheWindowAndCallsOlderEventsTooOld() {
    dedup.check(trade("7", T0, 100));
    clock.advance(Duration.ofMinutes(9));
    assertThat(dedup.check(trade("7", T0, 100))).isEqualTo(Verdict.DUPLICATE);

    clock.advance(Duration.ofMinutes(1));

    assertThat(dedup.check(trade("7", T0, 100))).isEqualTo(Verdict.TOO_OLD);
    assertThat(dedup.size()).isZero();
    assertThat(dedup.tooOld()).isEqualTo(1);
  }

  @Test
  void check_keepsAtMostCapacityKeys_forgettingTheOldestFirst() {
    EventDeduplicator small = new EventDeduplicator(Duration.ofMinutes(10), 3, clock);
    for (int i = 1; i <= 4; i++) {
      small.check(trade(String.valueOf(i), T0, 100));
    }

    assertThat(small.size()).isEqualTo(3);
    assertThat(small.check(trade("4", T0, 100))).isEqualTo(Verdict.DUPLICATE);
    assertThat(small.check(trade("1", T0, 100))).isEqualTo(Verdict.NEW);
  }

  @Test
  void check_idsThatAreNotPlainNumbersAreKeptApartAsText() {
    assertThat(dedup.check(trade("7", T0, 100))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(trade("07", T0, 100))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(trade("07", T0, 100))).isEqualTo(Verdict.DUPLICATE);
    assertThat(dedup.check(trade("a-7", T0, 100))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(trade("a-7", T0, 100))).isEqualTo(Verdict.DUPLICATE);
    assertThat(dedup.check(trade("7", T0, 100))).isEqualTo(Verdict.DUPLICATE);
    assertThat(dedup.size()).isEqualTo(3);
  }

  @Test
  void check_numericIdsAreKeyedByInstrumentAndTimeToo() {
    Trade eth =
        new Trade(
            Exchange.HYPERLIQUID, new Coin("ETH"), "ETH", TakerSide.BUY, 100, 2, 200, T0, "7");

    assertThat(dedup.check(trade("7", T0, 100))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(eth)).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(trade("7", T0.plusMillis(1), 100))).isEqualTo(Verdict.NEW);
    assertThat(dedup.check(trade("7", T0.plusMillis(1), 100))).isEqualTo(Verdict.DUPLICATE);
  }

  @Test
  void filter_passesNewEventsOnlyAndTakesTheRest() {
    RecordingSink downstream = new RecordingSink();
    EventSink sink = dedup.filter(downstream);

    assertThat(sink.offer("x", trade("1", T0, 100))).isTrue();
    assertThat(sink.offer("x", trade("1", T0, 100))).isTrue();
    assertThat(sink.offer("x", trade("2", T0, 100))).isTrue();
    assertThat(sink.offer("x", trade("3", T0.minus(Duration.ofHours(1)), 100))).isTrue();

    assertThat(downstream.tradeIds()).containsExactly("1", "2");
  }

  @Test
  void filter_reportsTheDownstreamRefusalOfANewEvent() {
    RecordingSink downstream = new RecordingSink();
    downstream.refuse();

    assertThat(dedup.filter(downstream).offer("x", trade("1", T0, 100))).isFalse();
  }
}
