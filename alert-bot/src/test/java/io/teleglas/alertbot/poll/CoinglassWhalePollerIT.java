package io.teleglas.alertbot.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.teleglas.alertbot.poll.PollHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.teleglas.alertbot.poll.PollerSnapshot.State;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CoinglassWhalePoller} against WireMock. {@code coinglass-whale-alert-doc.json} is the
 * documented {@code /api/hyperliquid/whale-alert} sample (market-apis.md §A.6.12) without its
 * comments: two long positions closed, ETH at 07:11:57 and BTC at 07:11:17 UTC on 2025-04-21.
 */
class CoinglassWhalePollerIT {
  private static final String PATH = "/api/hyperliquid/whale-alert";
  private static final Instant NOW = Instant.parse("2025-04-21T07:12:00Z");
  private static final Duration INTERVAL = CoinglassWhalePoller.DEFAULT_INTERVAL;

  private final PollHarness harness = new PollHarness(NOW);
  private final CoinglassWhalePoller poller =
      new CoinglassWhalePoller(
          harness.coinglass(), harness.instruments, INTERVAL, harness.context());

  @AfterEach
  void close() {
    harness.close();
  }

  private void serve(String fixture) {
    harness.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture(fixture))));
  }

  @Test
  void poll_asksForWhaleAlertsWithoutParameters() {
    serve("coinglass-whale-alert-doc.json");

    poller.start();
    harness.pollNow(poller);

    harness.server.verify(1, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void poll_emitsClosedLongsAsSellsOnHyperliquidOldestFirst() {
    serve("coinglass-whale-alert-doc.json");

    poller.start();
    harness.pollNow(poller);

    assertThat(harness.sink.offered())
        .allSatisfy(o -> assertThat(o.source()).isEqualTo("coinglass"));
    assertThat(harness.sink.events())
        .map(Trade.class::cast)
        .extracting(
            MarketEvent::exchange,
            t -> t.coin().symbol(),
            Trade::side,
            Trade::quantity,
            Trade::usdValue,
            Trade::tradeId)
        .containsExactly(
            tuple(
                Exchange.HYPERLIQUID,
                "BTC",
                TakerSide.SELL,
                33.54032,
                2936421.4757,
                "whale:0x1cadadf0e884ac5527ae596a4fc1017a4ffd4e2c:close:1745219477000"),
            tuple(
                Exchange.HYPERLIQUID,
                "ETH",
                TakerSide.SELL,
                12700.0,
                21003260.0,
                "whale:0x3fd4444154242720c0d0c61c74a240d90c127d33:close:1745219517000"));
  }

  @Test
  void poll_emitsEachWhaleAlertOnceAcrossPolls() {
    serve("coinglass-whale-alert-doc.json");
    poller.start();
    harness.pollNow(poller);

    harness.advanceOnePoll(poller, INTERVAL);

    assertThat(harness.requests()).isEqualTo(2);
    assertThat(harness.sink.events()).hasSize(2);
    assertThat(poller.snapshot().emitted()).isEqualTo(2);
  }

  @Test
  void poll_stopsForGoodWhenThePlanLacksTheEndpoint() {
    serve("coinglass-upgrade-plan.json");

    poller.start();
    harness.pollNow(poller);

    assertThat(poller.snapshot().state()).isEqualTo(State.REFUSED);
    assertThat(poller.snapshot().lastFailure())
        .hasValueSatisfying(d -> assertThat(d).contains("Startup"));
    assertThat(harness.scheduler.activeSchedules()).isZero();
  }
}
