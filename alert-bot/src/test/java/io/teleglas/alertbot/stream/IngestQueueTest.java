package io.teleglas.alertbot.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestQueueTest {
  private final IngestQueue queue = new IngestQueue(2, Clock.systemUTC());

  private static Trade trade(String id) {
    return new Trade(
        Exchange.BINANCE,
        new Coin("BTC"),
        "BTCUSDT",
        TakerSide.BUY,
        97000,
        1,
        97000,
        Instant.parse("2026-11-21T12:00:00Z"),
        id);
  }

  @Test
  void offer_dropsAndCountsPerSourceWhenFullWithoutBlocking() {
    assertThat(queue.offer("binance", trade("1"))).isTrue();
    assertThat(queue.offer("bybit", trade("2"))).isTrue();
    assertThat(queue.offer("bybit", trade("3"))).isFalse();
    assertThat(queue.offer("okx", trade("4"))).isFalse();

    assertThat(queue.depth()).isEqualTo(2);
    assertThat(queue.acceptedTotal()).isEqualTo(2);
    assertThat(queue.droppedBySource()).isEqualTo(Map.of("bybit", 1L, "okx", 1L));
    assertThat(queue.droppedTotal()).isEqualTo(2);
  }

  @Test
  void takeAndDrain_returnEventsInOrderWithTheirSource() throws Exception {
    queue.offer("binance", trade("1"));
    queue.offer("okx", trade("2"));

    SourcedEvent first = queue.take(Duration.ofMillis(10));
    List<SourcedEvent> rest = new ArrayList<>();
    queue.drainTo(rest, 10);

    assertThat(first.source()).isEqualTo("binance");
    assertThat(((Trade) first.event()).tradeId()).isEqualTo("1");
    assertThat(rest).extracting(SourcedEvent::source).containsExactly("okx");
    assertThat(queue.take(Duration.ofMillis(10))).isNull();
  }
}
