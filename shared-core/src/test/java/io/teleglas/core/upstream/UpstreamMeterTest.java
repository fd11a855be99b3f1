package io.teleglas.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpstreamMeterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final UpstreamMeter meter = new UpstreamMeter(registry, clock);

  @Test
  void record_countsErrorsOfTheLastHourOnly() {
    meter.record("CoinGlass", "pairs-markets", "timeout", Duration.ofMillis(900));
    clock.advance(Duration.ofMinutes(50));
    meter.record("CoinGlass", "pairs-markets", "upstream_error", Duration.ofMillis(20));
    meter.record("CoinGlass", "pairs-markets", "plan", Duration.ofMillis(20));
    meter.record("CoinGlass", "pairs-markets", "ok", Duration.ofMillis(120));

    assertThat(meter.state("CoinGlass").orElseThrow().errorsLastHour()).isEqualTo(2);
    assertThat(meter.state("CoinGlass").orElseThrow().lastOk()).isTrue();
    assertThat(meter.state("CoinGlass").orElseThrow().lastLatency())
        .isEqualTo(Duration.ofMillis(120));

    clock.advance(Duration.ofMinutes(15));
    assertThat(meter.state("CoinGlass").orElseThrow().errorsLastHour()).isEqualTo(1);
    assertThat(registry.get("teleglas_upstream_calls").tag("outcome", "ok").timer().count())
        .isEqualTo(1);
  }

  @Test
  void outcome_namesReasonsInLowerCase() {
    assertThat(UpstreamMeter.outcome(Fetched.value(1, "x", clock.instant()))).isEqualTo("ok");
    assertThat(UpstreamMeter.outcome(Fetched.unavailable(Fetched.Reason.RATE_LIMITED, "d", "x")))
        .isEqualTo("rate_limited");
  }
}
