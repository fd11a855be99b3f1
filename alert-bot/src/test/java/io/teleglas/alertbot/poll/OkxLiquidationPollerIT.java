package io.teleglas.alertbot.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.teleglas.alertbot.poll.PollHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teleglas.alertbot.poll.PollerSnapshot.State;
import io.teleglas.alertbot.source.okx.OkxProtocol;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OkxLiquidationPoller} against WireMock. {@code okx-liquidation-orders-btc.json} has the
 * documented shape of {@code GET /api/v5/public/liquidation-orders} (market-apis.md §D.3: the
 * channel's {@code details[]}, §C.3) with made-up BTC-USDT-SWAP details: a hedge-mode short 30 s
 * before the clock, a net-mode forced sell 60 s before, and a long an hour before. Contract value
 * 0.01 BTC is the live-recorded one of §C.3. The 50011 body carries OKX's documented "Too Many
 * Requests" code.
 */
class OkxLiquidationPollerIT {
  private static final String PATH = "/api/v5/public/liquidation-orders";
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration INTERVAL = OkxLiquidationPoller.DEFAULT_INTERVAL;
  private static final Map<String, Double> CONTRACT_VALUES =
      Map.of("BTC-USDT-SWAP", 0.01, "ETH-USDT-SWAP", 0.1);

  private final PollHarness harness = new PollHarness(NOW);
  private final OkxProtocol protocol =
      new OkxProtocol(CONTRACT_VALUES, harness.instruments, harness.mapper);

  @AfterEach
  void close() {
    harness.close();
  }

  private OkxLiquidationPoller poller(String... coins) {
    return new OkxLiquidationPoller(
        harness.baseUri(),
        harness.okx(),
        protocol,
        List.of(coins).stream().map(Coin::new).toList(),
        INTERVAL,
        harness.context());
  }

  private void serve(String fixture) {
    harness.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture(fixture))));
  }

  private void start(Poller poller) {
    poller.start();
    harness.pollNow(poller);
  }

  @Test
  void poll_asksForTheFilledSwapLiquidationsOfEachCoinsFamily() {
    serve("okx-empty.json");

    start(poller("BTC", "ETH"));

    assertThat(harness.requests()).isEqualTo(2);
    for (String family : List.of("BTC-USDT", "ETH-USDT")) {
      harness.server.verify(
          1,
          getRequestedFor(urlPathEqualTo(PATH))
              .withQueryParam("instType", equalTo("SWAP"))
              .withQueryParam("state", equalTo("filled"))
              .withQueryParam("instFamily", equalTo(family)));
    }
  }

  @Test
  void poll_turnsContractsIntoCoinsAndReadsTheSideOfEachMode() {
    serve("okx-liquidation-orders-btc.json");

    start(poller("BTC"));

    assertThat(harness.sink.offered()).allSatisfy(o -> assertThat(o.source()).isEqualTo("okx"));
    assertThat(harness.sink.events())
        .map(Liquidation.class::cast)
        .extracting(
            Liquidation::exchange,
            Liquidation::instrument,
            Liquidation::side,
            Liquidation::quantity,
            Liquidation::usdValue,
            Liquidation::time)
        .containsExactly(
            tuple(
                Exchange.OKX,
                "BTC-USDT-SWAP",
                PositionSide.LONG,
                250 * 0.01,
                250 * 0.01 * 83950.1,
                NOW.minusSeconds(60)),
            tuple(
                Exchange.OKX,
                "BTC-USDT-SWAP",
                PositionSide.SHORT,
                13 * 0.01,
                13 * 0.01 * 84000.5,
                NOW.minusSeconds(30)));
  }

  @Test
  void poll_doesNotEmitALiquidationTheStreamAlreadyDelivered() throws Exception {
    JsonNode answer = harness.mapper.readTree(fixture("okx-liquidation-orders-btc.json"));
    ObjectNode frame = harness.mapper.createObjectNode();
    frame.putObject("arg").put("channel", "liquidation-orders").put("instType", "SWAP");
    frame.set("data", answer.get("data"));
    Decoded streamed = protocol.decode(frame.toString(), NOW);
    assertThat(streamed.events()).hasSize(3);
    streamed.events().forEach(harness.deduplicator::check);
    serve("okx-liquidation-orders-btc.json");

    start(poller("BTC"));

    assertThat(harness.sink.events()).isEmpty();
    assertThat(harness.deduplicator.duplicates()).isEqualTo(2);
  }

  @Test
  void poll_emitsEachLiquidationOnceAcrossPolls() {
    serve("okx-liquidation-orders-btc.json");
    OkxLiquidationPoller poller = poller("BTC");
    start(poller);

    harness.advanceOnePoll(poller, INTERVAL);

    assertThat(harness.requests()).isEqualTo(2);
    assertThat(harness.sink.events()).hasSize(2);
  }

  @Test
  void poll_countsRateLimitsTimeoutsAndUnreadableAnswersAndKeepsPolling() {
    OkxLiquidationPoller poller = poller("BTC");
    serve("okx-too-many-requests.json");
    start(poller);
    assertThat(poller.snapshot().errors()).isEqualTo(1);
    assertThat(poller.snapshot().state()).isEqualTo(State.FAILING);

    harness.server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                okJson(fixture("okx-empty.json"))
                    .withFixedDelay((int) PollHarness.CALL_TIMEOUT.multipliedBy(2).toMillis())));
    harness.advanceOnePoll(poller, INTERVAL);
    assertThat(poller.snapshot().errors()).isEqualTo(2);
    assertThat(poller.snapshot().lastFailure()).contains("OKX did not answer in time");

    harness.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"code\":\"0\"}")));
    harness.advanceOnePoll(poller, INTERVAL);
    assertThat(poller.snapshot().errors()).isEqualTo(3);

    serve("okx-liquidation-orders-btc.json");
    harness.advanceOnePoll(poller, INTERVAL);
    assertThat(poller.snapshot().state()).isEqualTo(State.POLLING);
    assertThat(harness.sink.events()).hasSize(2);
    assertThat(poller.snapshot().polls()).isEqualTo(4);
  }

  @Test
  void startAndStop_repeatedPollOncePerIntervalAndStopForGoodOnStop() {
    serve("okx-empty.json");
    OkxLiquidationPoller poller = poller("BTC");
    poller.start();
    poller.stop();
    poller.start();
    poller.start();
    harness.pollNow(poller);

    harness.advanceOnePoll(poller, INTERVAL);
    assertThat(harness.scheduler.activeSchedules()).isEqualTo(1);
    assertThat(harness.requests()).isEqualTo(2);

    poller.stop();
    harness.scheduler.advance(INTERVAL.multipliedBy(6));
    assertThat(harness.scheduler.activeSchedules()).isZero();
    assertThat(harness.requests()).isEqualTo(2);
  }
}
