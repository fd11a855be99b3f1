package io.teleglas.commandbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up warm-up computes real {@code /raw} replies from the bundled samples on loopback. */
class ReplyPathWarmUpIT {

  @Test
  void computesEveryRoundOfRawRepliesFromTheSamples_withoutTheConfiguredUpstreams() {
    // Every configured upstream points at a closed port: the warm-up must not use any of them.
    Map<String, String> env = new HashMap<>();
    for (String v :
        List.of(
            "TELEGRAM_API_URL",
            "COINGLASS_API_URL",
            "BINANCE_FAPI_URL",
            "BYBIT_API_URL",
            "OKX_API_URL",
            "HYPERLIQUID_API_URL")) {
      env.put(v, "http://127.0.0.1:9");
    }
    ConfigReader reader = new ConfigReader(Environment.of(env));
    CommonConfig config = CommonConfig.read(reader);
    reader.finish();

    ReplyPathWarmUp.Result result =
        ReplyPathWarmUp.run(config, Clock.systemUTC(), 2, Duration.ofMinutes(1));

    assertThat(result.replies()).isEqualTo(2 * ReplyPathWarmUp.COINS.size());
    assertThat(result.ok()).isTrue();
  }

  @Test
  void rejectsAnEmptyAllowance() {
    CommonConfig config = CommonConfig.read(new ConfigReader(Environment.of(Map.of())));

    assertThatThrownBy(
            () -> ReplyPathWarmUp.run(config, Clock.systemUTC(), 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReplyPathWarmUp.run(config, Clock.systemUTC(), 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
