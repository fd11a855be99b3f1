package io.teleglas.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FetchesTest {
  private static final Instant EARLY = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant LATE = EARLY.plusSeconds(8);

  @Test
  void map_turnsAnUnusableValueIntoAnUnreadableAnswer() {
    Fetched<Double> price = Fetched.value(0.0, "Binance", EARLY);

    Fetched<String> mapped =
        Fetches.map(
            price,
            p -> {
              throw new IllegalArgumentException("price must be > 0");
            });

    assertThat(mapped).isEqualTo(Failures.unreadable("Binance"));
  }

  @Test
  void map_keepsSourceAndTime() {
    assertThat(Fetches.map(Fetched.value(2.0, "OKX", EARLY), p -> p * 3))
        .isEqualTo(Fetched.value(6.0, "OKX", EARLY));
  }

  @Test
  void combine_datesTheResultByTheOlderValue() {
    Fetched<Double> later = Fetched.value(2.0, "Binance", LATE);
    Fetched<Double> earlier = Fetched.value(5.0, "Binance", EARLY);

    assertThat(Fetches.combine(later, earlier, (a, b) -> a * b))
        .isEqualTo(Fetched.value(10.0, "Binance", EARLY));
  }

  @Test
  void combine_passesTheFirstFailureOn() {
    Fetched<Double> ok = Fetched.value(2.0, "Binance", EARLY);
    Fetched<Double> limited = Failures.rateLimited("Binance");
    Fetched<Double> timedOut = Failures.timedOut("Binance");

    assertThat(Fetches.combine(ok, limited, Double::sum)).isEqualTo(limited);
    assertThat(Fetches.combine(timedOut, limited, Double::sum)).isEqualTo(timedOut);
  }

  @Test
  void guarded_answersInsteadOfFailing() {
    CompletableFuture<Fetched<Double>> broken =
        CompletableFuture.failedFuture(new IllegalStateException("bug"));

    Fetched<Double> answer = Fetches.guarded(broken, "Bybit").join();

    assertThat(((Fetched.Unavailable<Double>) answer).reason()).isEqualTo(Reason.UPSTREAM_ERROR);
  }
}
