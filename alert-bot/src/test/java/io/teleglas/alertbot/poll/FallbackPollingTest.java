package io.teleglas.alertbot.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.poll.PollerSnapshot.State;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link FallbackPolling} over pollers that only count what they are asked to do. */
class FallbackPollingTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final CountingPoller coinglass =
      new CountingPoller("coinglass", 10, 1, 4, Optional.of(NOW.minusSeconds(20)));
  private final CountingPoller okx =
      new CountingPoller("okx", 7, 2, 3, Optional.of(NOW.minusSeconds(5)));
  private final FallbackPolling fallback = new FallbackPolling(List.of(coinglass, okx), clock);

  private static final class CountingPoller implements Poller {
    private final PollerSnapshot snapshot;
    private int starts;
    private int stops;

    CountingPoller(String name, long polls, long errors, long emitted, Optional<Instant> lastPoll) {
      this.snapshot =
          new PollerSnapshot(
              name, State.STOPPED, polls, errors, emitted, lastPoll, Optional.empty());
    }

    @Override
    public String name() {
      return snapshot.name();
    }

    @Override
    public void start() {
      starts++;
    }

    @Override
    public void stop() {
      stops++;
    }

    @Override
    public PollerSnapshot snapshot() {
      return snapshot;
    }
  }

  @Test
  void ensureRunning_startsEveryPollerOnceHoweverOftenCalled() {
    fallback.ensureRunning("binance, bybit and okx streams down");
    clock.advance(Duration.ofSeconds(30));
    fallback.ensureRunning("still down");

    assertThat(List.of(coinglass.starts, okx.starts)).containsExactly(1, 1);
    FallbackPolling.Snapshot snapshot = fallback.snapshot();
    assertThat(snapshot.running()).isTrue();
    assertThat(snapshot.reason()).contains("binance, bybit and okx streams down");
    assertThat(snapshot.since()).contains(NOW);
  }

  @Test
  void ensureStopped_stopsEveryPollerOnceAndOnlyWhenRunning() {
    fallback.ensureStopped();
    assertThat(List.of(coinglass.stops, okx.stops)).containsExactly(0, 0);

    fallback.ensureRunning("down");
    fallback.ensureStopped();
    fallback.ensureStopped();

    assertThat(List.of(coinglass.stops, okx.stops)).containsExactly(1, 1);
    assertThat(fallback.snapshot().running()).isFalse();
    assertThat(fallback.snapshot().reason()).isEmpty();
  }

  @Test
  void ensureRunning_afterAStopStartsThePollersAgain() {
    fallback.ensureRunning("down");
    fallback.ensureStopped();
    fallback.ensureRunning("down again");

    assertThat(List.of(coinglass.starts, okx.starts)).containsExactly(2, 2);
  }

  @Test
  void close_stopsPolling() {
    fallback.ensureRunning("down");

    fallback.close();

    assertThat(List.of(coinglass.stops, okx.stops)).containsExactly(1, 1);
  }

  @Test
  void snapshot_addsUpThePollersCountsAndKeepsTheLatestPoll() {
    FallbackPolling.Snapshot snapshot = fallback.snapshot();

    assertThat(snapshot.polls()).isEqualTo(17);
    assertThat(snapshot.errors()).isEqualTo(3);
    assertThat(snapshot.emitted()).isEqualTo(7);
    assertThat(snapshot.lastPoll()).contains(NOW.minusSeconds(5));
    assertThat(snapshot.pollers())
        .extracting(PollerSnapshot::name)
        .containsExactly("coinglass", "okx");
  }

  @Test
  void ensureRunning_withoutPollersOnlyRecordsTheRequest() {
    FallbackPolling none = new FallbackPolling(List.of(), clock);

    none.ensureRunning("down");

    assertThat(none.snapshot().running()).isTrue();
    assertThat(none.snapshot().polls()).isZero();
    assertThat(none.snapshot().lastPoll()).isEmpty();
  }
}
