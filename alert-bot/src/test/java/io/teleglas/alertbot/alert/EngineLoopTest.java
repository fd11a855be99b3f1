package io.teleglas.alertbot.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.alertbot.stream.IngestQueue;
import io.teleglas.core.market.TakerSide;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineLoopTest {

  @Test
  void aFailingSinkOrObserverDoesNotStopTheEngine() throws Exception {
    IngestQueue queue = new IngestQueue(16, Clock.systemUTC());
    List<Alert> delivered = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    AlertEngine engine =
        AlertEngine.withBuiltInRules(
            Thresholds.DEFAULT,
            alert -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("store is full");
              }
              delivered.add(alert);
            });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicInteger observed = new AtomicInteger();
    EngineLoop loop =
        new EngineLoop(
            queue,
            engine,
            Clock.systemUTC(),
            e -> {
              if (observed.incrementAndGet() == 2) {
                throw new IllegalArgumentException("printer broke");
              }
            },
            registry);
    Thread thread = new Thread(loop, "engine-test");
    thread.setDaemon(true);
    thread.start();
    try {
      queue.offer("binance", Events.trade("BTC", TakerSide.BUY, 2_000_000, 0));
      queue.offer("binance", Events.trade("ETH", TakerSide.SELL, 3_000_000, 1));
      queue.offer("binance", Events.trade("SOL", TakerSide.BUY, 4_000_000, 2));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(delivered)
                      .extracting(a -> a.coin().symbol())
                      .as("the first alert was lost to the failing sink, the rest went on")
                      .contains("ETH", "SOL")
                      .doesNotContain("BTC"));
      assertThat(loop.failedSteps()).isEqualTo(2);
      assertThat(thread.isAlive()).isTrue();
      Timer decision = registry.get("teleglas_engine_decision_seconds").timer();
      assertThat(decision.count()).as("the failed step made no decision").isEqualTo(2);
    } finally {
      thread.interrupt();
      thread.join(5000);
    }
    assertThat(thread.isAlive()).isFalse();
  }
}
