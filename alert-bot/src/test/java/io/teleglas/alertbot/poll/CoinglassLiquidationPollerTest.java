package io.teleglas.alertbot.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.teleglas.core.coinglass.CoinglassClient;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request budget of {@link CoinglassLiquidationPoller}; nothing is polled here. */
class CoinglassLiquidationPollerTest {
  private final PollHarness harness = new PollHarness(Instant.parse("2026-03-01T12:00:00Z"));
  private final CoinglassClient client = harness.coinglass();

  @AfterEach
  void close() {
    harness.close();
  }

  private static List<Coin> coins(int count) {
    return IntStream.range(0, count).mapToObj(i -> new Coin("C" + (char) ('A' + i))).toList();
  }

  private CoinglassLiquidationPoller poller(int coins, Duration interval) {
    return new CoinglassLiquidationPoller(
        client,
        CoinglassLiquidationPoller.MAIN_EXCHANGES,
        coins(coins),
        100_000,
        interval,
        harness.context());
  }

  @Test
  void requestsPerMinute_isExchangesTimesCoinsPerInterval() {
    assertThat(CoinglassLiquidationPoller.requestsPerMinute(3, 6, Duration.ofSeconds(15)))
        .isEqualTo(72);
    assertThat(CoinglassLiquidationPoller.requestsPerMinute(4, 5, Duration.ofSeconds(30)))
        .isEqualTo(40);
  }

  @Test
  void maxRequestsPerMinute_isHalfOfTheStandardPlan() {
    assertThat(CoinglassLiquidationPoller.MAX_REQUESTS_PER_MINUTE).isEqualTo(150);
  }

  @Test
  void constructor_acceptsTheDefaultsAndABudgetOfExactlyHalfTheStandardPlan() {
    assertThat(poller(6, CoinglassLiquidationPoller.DEFAULT_INTERVAL).name())
        .isEqualTo("CoinGlass liquidation orders (Binance, Bybit, OKX; CA, CB, CC, CD, CE, CF)");
    // 3 x 10 every 12 s = 150 a minute.
    assertThat(poller(10, Duration.ofSeconds(12)).snapshot().polls()).isZero();
  }

  @Test
  void constructor_refusesMoreThanHalfOfTheStandardPlan() {
    // 3 x 11 every 12 s = 165 a minute.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> poller(11, Duration.ofSeconds(12)))
        .withMessageContaining("165 CoinGlass requests a minute")
        .withMessageContaining("150");
  }

  @Test
  void constructor_refusesNoExchangesOrNoCoins() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CoinglassLiquidationPoller(
                    client,
                    List.<Exchange>of(),
                    coins(1),
                    0,
                    Duration.ofSeconds(15),
                    harness.context()));
    assertThatIllegalArgumentException().isThrownBy(() -> poller(0, Duration.ofSeconds(15)));
  }
}
