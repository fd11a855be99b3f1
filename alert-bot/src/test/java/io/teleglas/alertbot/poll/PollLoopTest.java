package io.teleglas.alertbot.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.poll.PollerSnapshot.State;
import io.teleglas.alertbot.stream.EventDeduplicator;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.testing.MutableClock;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link PollLoop} with scripted answers instead of HTTP, on a scheduler driven by the test. */
class PollLoopTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(NOW);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final EventDeduplicator deduplicator = EventDeduplicator.standard(clock);
  private final CollectingSink sink = new CollectingSink();
  private final ScriptedRound round = new ScriptedRound();
  private final PollLoop loop =
      new PollLoop(
          "test liquidations",
          "okx",
          INTERVAL,
          new PollContext(scheduler, clock, deduplicator, sink),
          round);

  /** Answers polls in the order scripted; an unscripted poll finds nothing. */
  private static final class ScriptedRound implements PollLoop.Round {
    private final Deque<Supplier<CompletableFuture<List<Fetched<List<MarketEvent>>>>>> script =
        new ArrayDeque<>();
    private int fetches;

    @SafeVarargs
    final void answer(Fetched<List<MarketEvent>>... results) {
      script.add(() -> CompletableFuture.completedFuture(Arrays.asList(results)));
    }

    CompletableFuture<List<Fetched<List<MarketEvent>>>> pending() {
      CompletableFuture<List<Fetched<List<MarketEvent>>>> future = new CompletableFuture<>();
      script.add(() -> future);
      return future;
    }

    void fail(RuntimeException e) {
      script.add(
          () -> {
            throw e;
          });
    }

    @Override
    public CompletableFuture<List<Fetched<List<MarketEvent>>>> fetch() {
      fetches++;
      Supplier<CompletableFuture<List<Fetched<List<MarketEvent>>>>> next = script.poll();
      return next != null ? next.get() : CompletableFuture.completedFuture(List.of(found()));
    }
  }

  private static Liquidation liquidation(Duration ago, double usd) {
    return new Liquidation(
        Exchange.OKX,
        new Coin("BTC"),
        "BTC-USDT-SWAP",
        PositionSide.LONG,
        50_000,
        usd / 50_000,
        usd,
        NOW.minus(ago));
  }

  private static Fetched<List<MarketEvent>> found(MarketEvent... events) {
    return Fetched.value(List.of(events), "OKX", NOW);
  }

  private static Fetched<List<MarketEvent>> refused(Reason reason) {
    return Fetched.unavailable(reason, "refused: " + reason, "CoinGlass");
  }

  private void startAndPoll() {
    loop.start();
    scheduler.runDue();
  }

  @Test
  void start_pollsAtOnceAndThenOncePerInterval() {
    startAndPoll();
    assertThat(round.fetches).isEqualTo(1);

    scheduler.advance(INTERVAL.minusSeconds(1));
    assertThat(round.fetches).isEqualTo(1);

    scheduler.advance(Duration.ofSeconds(1));
    assertThat(round.fetches).isEqualTo(2);

    scheduler.advance(INTERVAL.multipliedBy(3));
    assertThat(round.fetches).isEqualTo(5);
    assertThat(loop.snapshot().polls()).isEqualTo(5);
    assertThat(loop.snapshot().lastPoll()).contains(NOW.plus(INTERVAL.multipliedBy(4)));
  }

  @Test
  void startAndStop_repeatedLeaveExactlyOneSchedule() {
    loop.start();
    loop.start();
    loop.stop();
    loop.start();
    loop.stop();
    loop.stop();
    loop.start();
    loop.start();

    assertThat(scheduler.activeSchedules()).isEqualTo(1);
    scheduler.runDue();
    scheduler.advance(INTERVAL);
    assertThat(round.fetches).isEqualTo(2);
    assertThat(loop.snapshot().state()).isEqualTo(State.POLLING);
  }

  @Test
  void stop_cancelsTheScheduleSoNothingMoreIsFetched() {
    startAndPoll();

    loop.stop();
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(scheduler.activeSchedules()).isZero();
    assertThat(round.fetches).isEqualTo(1);
    assertThat(loop.snapshot().state()).isEqualTo(State.STOPPED);
  }

  @Test
  void stop_dropsTheEventsOfAPollStillInFlight() {
    CompletableFuture<List<Fetched<List<MarketEvent>>>> late = round.pending();
    startAndPoll();

    loop.stop();
    late.complete(List.of(found(liquidation(Duration.ofSeconds(5), 1e6))));

    assertThat(sink.events()).isEmpty();
    assertThat(loop.snapshot().polls()).isZero();
  }

  @Test
  void tick_skipsWhileAPollIsInFlightAndGivesUpOnItAfterTwoMinutes() {
    CompletableFuture<List<Fetched<List<MarketEvent>>>> hung = round.pending();
    startAndPoll();

    scheduler.advance(PollLoop.GIVE_UP_AFTER.minus(INTERVAL));
    assertThat(round.fetches).isEqualTo(1);

    scheduler.advance(INTERVAL);
    assertThat(round.fetches).isEqualTo(2);
    assertThat(loop.snapshot().errors()).isEqualTo(1);

    hung.complete(List.of(found(liquidation(Duration.ofSeconds(5), 1e6))));
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void emit_handsOnEventsOldestFirstUnderTheSourceName() {
    Liquidation older = liquidation(Duration.ofSeconds(30), 2e5);
    Liquidation newer = liquidation(Duration.ofSeconds(10), 3e5);
    round.answer(found(newer), found(older));

    startAndPoll();

    assertThat(sink.events()).containsExactly(older, newer);
    assertThat(sink.offered()).allSatisfy(o -> assertThat(o.source()).isEqualTo("okx"));
    assertThat(loop.snapshot().emitted()).isEqualTo(2);
  }

  @Test
  void emit_skipsAnEventTheDeduplicatorHasSeen() {
    Liquidation streamed = liquidation(Duration.ofSeconds(30), 2e5);
    Liquidation missed = liquidation(Duration.ofSeconds(20), 3e5);
    assertThat(deduplicator.check(streamed)).isEqualTo(EventDeduplicator.Verdict.NEW);
    round.answer(found(streamed, missed));

    startAndPoll();

    assertThat(sink.events()).containsExactly(missed);
  }

  @Test
  void emit_handsOnAnEventOnceAcrossPolls() {
    Liquidation first = liquidation(Duration.ofSeconds(30), 2e5);
    Liquidation second = liquidation(Duration.ofSeconds(5), 3e5);
    round.answer(found(first));
    round.answer(found(second, first));

    startAndPoll();
    scheduler.advance(INTERVAL);

    assertThat(sink.events()).containsExactly(first, second);
    assertThat(loop.snapshot().emitted()).isEqualTo(2);
  }

  @Test
  void emit_skipsEventsOlderThanTenMinutesWithoutAskingTheDeduplicator() {
    Liquidation stale = liquidation(PollLoop.MAX_EVENT_AGE.plusSeconds(1), 2e5);
    Liquidation recent = liquidation(PollLoop.MAX_EVENT_AGE.minusSeconds(1), 3e5);
    round.answer(found(stale, recent));

    startAndPoll();

    assertThat(sink.events()).containsExactly(recent);
    assertThat(deduplicator.tooOld()).isZero();
  }

  @Test
  void emit_countsOnlyEventsTheSinkTook() {
    sink.refuse();
    round.answer(found(liquidation(Duration.ofSeconds(5), 1e6)));

    startAndPoll();

    assertThat(loop.snapshot().emitted()).isZero();
    assertThat(loop.snapshot().polls()).isEqualTo(1);
  }

  @Test
  void failures_areCountedWhileTheOtherAnswersAreUsedAndPollingGoesOn() {
    Liquidation event = liquidation(Duration.ofSeconds(5), 1e6);
    round.answer(refused(Reason.RATE_LIMITED), found(event));
    round.answer(found());
    round.answer(refused(Reason.TIMEOUT), refused(Reason.UPSTREAM_ERROR));

    startAndPoll();
    assertThat(sink.events()).containsExactly(event);
    assertThat(loop.snapshot().errors()).isEqualTo(1);
    assertThat(loop.snapshot().state()).isEqualTo(State.FAILING);
    assertThat(loop.snapshot().lastFailure()).contains("refused: RATE_LIMITED");

    scheduler.advance(INTERVAL);
    assertThat(loop.snapshot().state()).isEqualTo(State.POLLING);

    scheduler.advance(INTERVAL);
    assertThat(loop.snapshot().errors()).isEqualTo(3);
    assertThat(loop.snapshot().state()).isEqualTo(State.FAILING);
    assertThat(scheduler.activeSchedules()).isEqualTo(1);

    scheduler.advance(INTERVAL);
    assertThat(round.fetches).isEqualTo(4);
  }

  @Test
  void fetch_thatThrowsIsCountedAndPollingGoesOn() {
    round.fail(new IllegalStateException("bug"));

    startAndPoll();
    assertThat(loop.snapshot().errors()).isEqualTo(1);

    scheduler.advance(INTERVAL);
    assertThat(round.fetches).isEqualTo(2);
    assertThat(loop.snapshot().state()).isEqualTo(State.POLLING);
  }

  @Test
  void planRefusal_stopsThePollerForGood() {
    round.answer(refused(Reason.PLAN));

    startAndPoll();
    scheduler.advance(Duration.ofMinutes(1));
    loop.start();
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(round.fetches).isEqualTo(1);
    assertThat(scheduler.activeSchedules()).isZero();
    PollerSnapshot snapshot = loop.snapshot();
    assertThat(snapshot.state()).isEqualTo(State.REFUSED);
    assertThat(snapshot.running()).isFalse();
    assertThat(snapshot.errors()).isEqualTo(1);
    assertThat(snapshot.lastFailure()).contains("refused: PLAN");
  }
}
