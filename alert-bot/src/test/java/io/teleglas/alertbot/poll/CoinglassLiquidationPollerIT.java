package io.teleglas.alertbot.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.teleglas.alertbot.poll.PollHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.teleglas.alertbot.poll.PollerSnapshot.State;
import io.teleglas.alertbot.source.coinglass.CoinglassProtocol;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.core.config.Secret;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CoinglassLiquidationPoller} against WireMock. {@code coinglass-liquidation-order-doc.json}
 * is the documented {@code /api/futures/liquidation/order} sample (market-apis.md §A.6.9) without
 * its comments: two Binance BTCUSDT orders, 06:18:39 and 06:07:27 UTC on 2025-04-21, side 2. The
 * clock starts at 06:19:00, so the first is news and the second eleven minutes old. {@code
 * -later.json} is made up: that sample's newest order and a newer one. {@code -stream-frame.json}
 * is the first order as the CoinGlass WebSocket channel would push it (§B.3). The plan and
 * rate-limit bodies are the third-party-observed ones of §A.2.
 */
class CoinglassLiquidationPollerIT {
  private static final String PATH = "/api/futures/liquidation/order";
  private static final Instant NOW = Instant.parse("2025-04-21T06:19:00Z");
  private static final Instant DOC_NEWEST = Instant.ofEpochMilli(1745216319263L);
  private static final Duration INTERVAL = CoinglassLiquidationPoller.DEFAULT_INTERVAL;
  private static final Coin BTC = new Coin("BTC");
  private static final Coin ETH = new Coin("ETH");

  private final PollHarness harness = new PollHarness(NOW);

  @AfterEach
  void close() {
    harness.close();
  }

  private CoinglassLiquidationPoller poller(List<Exchange> exchanges, List<Coin> coins) {
    return new CoinglassLiquidationPoller(
        harness.coinglass(), exchanges, coins, 100_000, INTERVAL, harness.context());
  }

  private CoinglassLiquidationPoller binanceBtc() {
    return poller(List.of(Exchange.BINANCE), List.of(BTC));
  }

  private void serve(String fixture) {
    harness.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture(fixture))));
  }

  private void start(Poller poller) {
    poller.start();
    harness.pollNow(poller);
  }

  @Test
  void poll_asksEveryExchangeForEveryCoinWithTheMinimumAndTheKey() {
    serve("coinglass-empty.json");
    CoinglassLiquidationPoller poller =
        poller(CoinglassLiquidationPoller.MAIN_EXCHANGES, List.of(BTC, ETH));

    start(poller);

    assertThat(harness.requests()).isEqualTo(6);
    for (String exchange : List.of("Binance", "Bybit", "OKX")) {
      for (String coin : List.of("BTC", "ETH")) {
        harness.server.verify(
            1,
            getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("exchange", equalTo(exchange))
                .withQueryParam("symbol", equalTo(coin))
                .withQueryParam("min_liquidation_amount", equalTo("100000"))
                .withHeader("CG-API-KEY", equalTo(PollHarness.KEY)));
      }
    }
  }

  @Test
  void poll_emitsTheRecentLiquidationsWithTheirSideAndUsdValue() {
    serve("coinglass-liquidation-order-doc.json");
    CoinglassLiquidationPoller poller = binanceBtc();

    start(poller);

    assertThat(harness.sink.offered())
        .singleElement()
        .satisfies(
            offered -> {
              assertThat(offered.source()).isEqualTo("coinglass");
              Liquidation l = (Liquidation) offered.event();
              assertThat(l.exchange()).isEqualTo(Exchange.BINANCE);
              assertThat(l.instrument()).isEqualTo("BTCUSDT");
              assertThat(l.side()).isEqualTo(PositionSide.SHORT);
              assertThat(l.usdValue()).isEqualTo(205534.2932);
              assertThat(l.price()).isEqualTo(87535.9);
              assertThat(l.time()).isEqualTo(DOC_NEWEST);
            });
    assertThat(poller.snapshot().emitted()).isEqualTo(1);
  }

  @Test
  void poll_doesNotEmitALiquidationTheStreamAlreadyDelivered() {
    CoinglassProtocol stream =
        new CoinglassProtocol(Secret.of(PollHarness.KEY), harness.instruments, harness.mapper);
    Decoded streamed = stream.decode(fixture("coinglass-liquidation-order-stream-frame.json"), NOW);
    assertThat(streamed.events()).hasSize(1);
    streamed.events().forEach(harness.deduplicator::check);
    serve("coinglass-liquidation-order-doc.json");
    CoinglassLiquidationPoller poller = binanceBtc();

    start(poller);

    assertThat(harness.sink.events()).isEmpty();
    assertThat(harness.deduplicator.duplicates()).isEqualTo(1);
  }

  @Test
  void poll_emitsEachLiquidationOnceAcrossPolls() {
    serve("coinglass-liquidation-order-doc.json");
    CoinglassLiquidationPoller poller = binanceBtc();
    start(poller);

    serve("coinglass-liquidation-order-later.json");
    harness.advanceOnePoll(poller, INTERVAL);

    assertThat(harness.requests()).isEqualTo(2);
    assertThat(harness.sink.events())
        .extracting(e -> ((Liquidation) e).side(), e -> e.time().toEpochMilli())
        .containsExactly(
            tuple(PositionSide.SHORT, 1745216319263L), tuple(PositionSide.LONG, 1745216329263L));
  }

  @Test
  void poll_countsRateLimitsAndKeepsPolling() {
    harness.server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(okJson(fixture("coinglass-rate-limit.json")).withStatus(429)));
    CoinglassLiquidationPoller poller =
        poller(CoinglassLiquidationPoller.MAIN_EXCHANGES, List.of(BTC));

    start(poller);
    assertThat(poller.snapshot().errors()).isEqualTo(3);
    assertThat(poller.snapshot().state()).isEqualTo(State.FAILING);

    serve("coinglass-liquidation-order-doc.json");
    harness.advanceOnePoll(poller, INTERVAL);

    assertThat(poller.snapshot().state()).isEqualTo(State.POLLING);
    assertThat(poller.snapshot().errors()).isEqualTo(3);
    assertThat(harness.sink.events()).isNotEmpty();
  }

  @Test
  void poll_stopsForGoodWhenThePlanLacksTheEndpoint() {
    serve("coinglass-upgrade-plan.json");
    CoinglassLiquidationPoller poller = binanceBtc();

    start(poller);
    poller.start();
    // Past the ten minutes CoinGlass's client remembers a plan refusal, so a poll would be sent.
    harness.scheduler.advance(Duration.ofMinutes(11));

    assertThat(harness.requests()).isEqualTo(1);
    assertThat(harness.scheduler.activeSchedules()).isZero();
    assertThat(poller.snapshot().state()).isEqualTo(State.REFUSED);
    assertThat(poller.snapshot().lastFailure())
        .hasValueSatisfying(d -> assertThat(d).contains("Standard"));
  }

  @Test
  void stop_sendsNoFurtherRequests() {
    serve("coinglass-empty.json");
    CoinglassLiquidationPoller poller = binanceBtc();
    start(poller);

    poller.stop();
    harness.scheduler.advance(INTERVAL.multipliedBy(4));

    assertThat(harness.scheduler.activeSchedules()).isZero();
    assertThat(harness.requests()).isEqualTo(1);
    assertThat(poller.snapshot().state()).isEqualTo(State.STOPPED);
  }
}
