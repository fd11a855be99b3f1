package io.teleglas.alertbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(1));

  @Test
  void delay_doublesFromBase_withJitterInTheUpperHalf_cappedAt60s() {
    for (int failures = 0; failures < 80; failures++) {
      long nominal = Math.min(60_000, 1_000L << Math.min(failures, 20));
      for (int i = 0; i < 50; i++) {
        assertThat(policy.delay(failures).toMillis())
            .as("after %d failures", failures)
            .isBetween(nominal / 2, nominal);
      }
    }
  }
}
