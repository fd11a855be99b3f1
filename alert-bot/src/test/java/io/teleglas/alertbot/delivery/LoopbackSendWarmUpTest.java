package io.teleglas.alertbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.core.http.HttpClients;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackSendWarmUpTest {
  private final OkHttpClient http = HttpClients.create();

  @AfterEach
  void close() {
    HttpClients.closer(http).close();
  }

  @Test
  void everyRequestGetsTheOutcomeItsAnswerMeans() throws Exception {
    LoopbackSendWarmUp.Result result = new LoopbackSendWarmUp(http).run(60);

    // 120 requests; the 50th and the 100th are answered with a 429.
    assertThat(result).isEqualTo(new LoopbackSendWarmUp.Result(118, 2, 0));
    assertThat(result.ok(60)).isTrue();
    assertThat(result.ok(61)).isFalse();
  }

  @Test
  void leavesNoConnectionInTheBotsPool() throws Exception {
    new LoopbackSendWarmUp(http).run(3);

    assertThat(http.connectionPool().connectionCount()).isZero();
  }

  @Test
  void refusesANegativeCount() {
    assertThatThrownBy(() -> new LoopbackSendWarmUp(http).run(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
