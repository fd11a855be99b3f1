package io.teleglas.alertbot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scheduling, overlap and failure handling of {@link MarketPoller}, with a scripted source. */
class MarketPollerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Coin BTC = new Coin("BTC");
  private static final Coin ETH = new Coin("ETH");

  private final MutableClock clock = new MutableClock(NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<MarketReading> readings = new CopyOnWriteArrayList<>();
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** A source whose answers the test decides. */
  private static final class Scripted implements MarketSource {
    final List<CompletableFuture<Collected>> pending = new ArrayList<>();
    BiFunction<Coin, Instant, CompletableFuture<Collected>> answer;

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public synchronized CompletableFuture<Collected> read(Coin coin, Instant at) {
      if (answer != null) {
        return answer.apply(coin, at);
      }
      CompletableFuture<Collected> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    }
  }

  private static Collected funding(Coin coin, Instant at, double rate, Collected.Miss... misses) {
    FundingRate r =
        new FundingRate(Exchange.BINANCE, coin, rate, Duration.ofHours(8), Optional.empty(), at);
    return new Collected(coin, "scripted", at, List.of(r), List.of(), List.of(misses));
  }

  private MarketPoller poller(Scripted source) {
    return new MarketPoller(
        source,
        List.of(BTC, ETH),
        Duration.ofMinutes(5),
        Duration.ZERO,
        scheduler,
        false,
        clock,
        registry,
        readings::add);
  }

  private double count(String name) {
    var c = registry.find(name).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void aPollStillWaitingForAnswers_makesTheNextTickASkippedPoll() {
    Scripted source = new Scripted();
    MarketPoller poller = poller(source);

    CompletableFuture<Void> first = poller.pollNow();
    poller.pollNow();

    assertThat(source.pending).hasSize(2); // one per coin, none for the skipped poll
    assertThat(count("teleglas_market_polls_skipped")).isEqualTo(1);
    source.pending.get(0).complete(funding(BTC, NOW, 0.0001));
    source.pending.get(1).complete(funding(ETH, NOW, 0.0001));
    assertThat(first).isDone();

    poller.pollNow();

    assertThat(source.pending).hasSize(4);
    assertThat(count("teleglas_market_polls_skipped")).isEqualTo(1);
  }

  @Test
  void aCoinWithoutAnyFigure_getsNoReadingButItsMissesCount() {
    Scripted source = new Scripted();
    source.answer =
        (coin, at) ->
            CompletableFuture.completedFuture(
                coin.equals(BTC)
                    ? funding(coin, at, 0.0002, new Collected.Miss("bybit", "funding", "HTTP 500"))
                    : new Collected(
                        coin,
                        "scripted",
                        at,
                        List.of(),
                        List.of(),
                        List.of(new Collected.Miss("binance", "funding", "timeout"))));

    poller(source).pollNow().join();

    assertThat(readings).singleElement().satisfies(r -> assertThat(r.coin()).isEqualTo(BTC));
    assertThat(readings.get(0).time()).isEqualTo(NOW);
    assertThat(
            registry.get("teleglas_market_poll_failures").tag("source", "bybit").counter().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("teleglas_market_poll_failures")
                .tag("source", "binance")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void aSourceThatThrowsOrFails_isCountedAndTheNextPollRuns() {
    Scripted source = new Scripted();
    source.answer =
        (coin, at) -> {
          if (coin.equals(BTC)) {
            throw new IllegalStateException("bug");
          }
          return CompletableFuture.failedFuture(new RuntimeException("boom"));
        };
    MarketPoller poller = poller(source);

    poller.pollNow().join();

    assertThat(readings).isEmpty();
    assertThat(
            registry
                .get("teleglas_market_poll_failures")
                .tag("source", "scripted")
                .counter()
                .count())
        .isEqualTo(2);

    source.answer = (coin, at) -> CompletableFuture.completedFuture(funding(coin, at, 0.0001));
    clock.advance(Duration.ofMinutes(5));
    poller.pollNow().join();

    assertThat(readings)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.time()).isEqualTo(NOW.plusSeconds(300)));
  }

  @Test
  void aSinkThatThrows_doesNotStopTheOtherCoinsOrTheNextPoll() {
    Scripted source = new Scripted();
    source.answer = (coin, at) -> CompletableFuture.completedFuture(funding(coin, at, 0.0001));
    List<Coin> handed = new CopyOnWriteArrayList<>();
    MarketPoller poller =
        new MarketPoller(
            source,
            List.of(BTC, ETH),
            Duration.ofMinutes(5),
            Duration.ZERO,
            scheduler,
            false,
            clock,
            registry,
            r -> {
              handed.add(r.coin());
              if (r.coin().equals(BTC)) {
                throw new IllegalStateException("queue full");
              }
            });

    poller.pollNow().join();
    poller.pollNow().join();

    assertThat(handed).containsExactly(BTC, ETH, BTC, ETH);
    assertThat(count("teleglas_market_readings")).isEqualTo(2);
  }

  @Test
  void start_pollsSoonAndCloseStopsTheScheduleButNotTheCallersScheduler() {
    Scripted source = new Scripted();
    source.answer = (coin, at) -> CompletableFuture.completedFuture(funding(coin, at, 0.0001));
    MarketPoller poller = poller(source);

    poller.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> readings.size() == 2);
    poller.close();

    assertThat(scheduler.getQueue())
        .allSatisfy(t -> assertThat(((Future<?>) t).isCancelled()).isTrue());
    assertThat(scheduler.isShutdown()).isFalse();
    assertThat(poller.pollNow()).isDone();
    assertThat(readings).hasSize(2);
  }

  @Test
  void answerDeadline_neverExceedsTheInterval() {
    assertThat(MarketPoller.answerDeadline(Duration.ofMinutes(5)))
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(MarketPoller.answerDeadline(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
  }
}
