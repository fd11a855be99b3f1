package io.teleglas.alertbot.market;

import static io.teleglas.alertbot.market.MarketApis.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertEngine;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.AlertSide;
import io.teleglas.alertbot.alert.FundingExtremeRule;
import io.teleglas.alertbot.alert.MarketThresholds;
import io.teleglas.alertbot.alert.Reading;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.render.AlertHtml;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.OpenInterest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The poller against CoinGlass and the venues played by WireMock with their documented payloads:
 * every figure of a reading is the fixture's, and every failure leaves its part out and counts.
 */
class MarketPollerIT {
  private static final Coin BTC = new Coin("BTC");
  private static final Duration DEADLINE = Duration.ofSeconds(3);

  private final MarketApis apis = new MarketApis();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<MarketReading> readings = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    apis.close();
  }

  private MarketPoller poller(MarketSource source) {
    return new MarketPoller(
        source,
        List.of(BTC),
        Duration.ofMinutes(5),
        scheduler,
        apis.clock,
        registry,
        readings::add);
  }

  private MarketPoller venues() {
    return poller(new VenueMarketSource(apis.venues(), DEADLINE));
  }

  private MarketPoller coinglass(Duration deadline) {
    return poller(new CoinglassMarketSource(apis.coinglass(), deadline));
  }

  private static Map<Exchange, Double> funding(MarketReading r) {
    return r.funding().stream().collect(Collectors.toMap(FundingRate::exchange, FundingRate::rate));
  }

  private static Map<Exchange, Double> openInterest(MarketReading r) {
    return r.openInterest().stream()
        .collect(Collectors.toMap(OpenInterest::exchange, OpenInterest::usdValue));
  }

  private double failures(String source) {
    return apis.failures(registry, source);
  }

  @Test
  void venues_readingCarriesExactlyEachVenuesFigures() {
    apis.venuesAnswerBtc();

    venues().pollNow().join();

    assertThat(readings).hasSize(1);
    MarketReading r = readings.get(0);
    assertThat(r.coin()).isEqualTo(BTC);
    assertThat(r.source()).isEqualTo("exchange APIs");
    assertThat(r.time()).isEqualTo(MarketApis.NOW);
    assertThat(funding(r))
        .containsOnly(
            Map.entry(Exchange.BINANCE, 0.00038246),
            Map.entry(Exchange.BYBIT, -0.001034),
            Map.entry(Exchange.OKX, 0.0000792386885340),
            Map.entry(Exchange.HYPERLIQUID, 0.0000125));
    assertThat(r.funding())
        .extracting(FundingRate::interval)
        .containsExactly(
            Duration.ofHours(8), Duration.ofHours(8), Duration.ofHours(8), Duration.ofHours(1));
    Map<Exchange, Double> oi = openInterest(r);
    assertThat(oi).containsOnlyKeys(r.funding().stream().map(FundingRate::exchange).toList());
    // 10659.509 BTC x 11793.63104562 USD mark price
    assertThat(oi.get(Exchange.BINANCE)).isCloseTo(125_714_316.27, within(0.01));
    assertThat(oi.get(Exchange.BYBIT)).isEqualTo(165_970_000.0);
    assertThat(oi.get(Exchange.OKX)).isEqualTo(50_000.0);
    // 32227.66018 BTC x 64405 USD mark price
    assertThat(oi.get(Exchange.HYPERLIQUID)).isCloseTo(2_075_622_453.89, within(0.01));
    assertThat(failures("binance") + failures("bybit") + failures("okx") + failures("hyperliquid"))
        .isZero();
    assertThat(registry.get("teleglas_market_readings").counter().count()).isEqualTo(1);
  }

  @Test
  void coinglass_readingCarriesItsStablecoinFundingAndPerExchangeOpenInterest() {
    apis.coinglassAnswersBtc();

    coinglass(DEADLINE).pollNow().join();

    MarketReading r = readings.get(0);
    assertThat(r.source()).isEqualTo("CoinGlass");
    // CoinGlass sends percent: 0.007343% is 0.00007343; the coin-margined -0.001829% is not used
    assertThat(r.funding())
        .extracting(FundingRate::exchange)
        .containsExactly(Exchange.BINANCE, Exchange.OKX);
    assertThat(r.funding().get(0).rate()).isCloseTo(0.00007343, within(1e-12));
    assertThat(r.funding().get(1).rate()).isCloseTo(0.0000736901950628, within(1e-12));
    // the "All" row is a total, not an exchange
    assertThat(openInterest(r)).containsOnly(Map.entry(Exchange.of("CME"), 12294999402.5));
    assertThat(failures("coinglass")).isZero();
  }

  @Test
  void venueServerError_leavesThatVenueOutAndCountsIt() {
    apis.venuesAnswerBtc();
    apis.bybitAnswers(status(500, "{\"retCode\":10000}"));

    venues().pollNow().join();

    MarketReading r = readings.get(0);
    assertThat(funding(r)).containsOnlyKeys(Exchange.BINANCE, Exchange.OKX, Exchange.HYPERLIQUID);
    assertThat(openInterest(r))
        .containsOnlyKeys(Exchange.BINANCE, Exchange.OKX, Exchange.HYPERLIQUID);
    assertThat(failures("bybit")).isEqualTo(2);
    assertThat(failures("binance")).isZero();
  }

  @Test
  void venueGarbage_leavesThatVenueOutAndCountsIt() {
    apis.venuesAnswerBtc();
    apis.binanceAnswers(status(200, "{\"symbol\":\"BTCUSDT\",\"markPrice\":"));

    venues().pollNow().join();

    MarketReading r = readings.get(0);
    assertThat(funding(r)).doesNotContainKey(Exchange.BINANCE).hasSize(3);
    assertThat(openInterest(r)).doesNotContainKey(Exchange.BINANCE).hasSize(3);
    assertThat(failures("binance")).isEqualTo(2);
  }

  @Test
  void coinglassPlanGatedAnswer_leavesOpenInterestOutAndCountsIt() {
    apis.coinglassAnswersBtc();
    apis.coinglass(
        "/api/futures/open-interest/exchange-list", status(200, MarketApis.cg("upgrade-plan")));

    coinglass(DEADLINE).pollNow().join();

    MarketReading r = readings.get(0);
    assertThat(funding(r)).containsOnlyKeys(Exchange.BINANCE, Exchange.OKX);
    assertThat(r.openInterest()).isEmpty();
    assertThat(failures("coinglass")).isEqualTo(1);
  }

  @Test
  void coinglassTimeout_leavesThatPartOutAndCountsIt() {
    apis.coinglassAnswersBtc();
    apis.coinglass(
        "/api/futures/funding-rate/exchange-list",
        WireMock.okJson(MarketApis.cg("funding-rate-exchange-list")).withFixedDelay(3_000));

    coinglass(Duration.ofMillis(300)).pollNow().join();

    MarketReading r = readings.get(0);
    assertThat(r.funding()).isEmpty();
    assertThat(openInterest(r)).containsOnlyKeys(Exchange.of("CME"));
    assertThat(failures("coinglass")).isEqualTo(1);
  }

  @Test
  void wholeFailedPoll_handsOnNothingAndTheNextPollRuns() {
    apis.coinglass("/api/futures/funding-rate/exchange-list", status(500, "oops"));
    apis.coinglass("/api/futures/open-interest/exchange-list", status(200, "not json at all"));
    MarketPoller poller = coinglass(DEADLINE);

    poller.pollNow().join();

    assertThat(readings).isEmpty();
    assertThat(failures("coinglass")).isEqualTo(2);

    apis.server.resetMappings();
    apis.coinglassAnswersBtc();
    apis.clock.advance(Duration.ofMinutes(5));
    // The client's async cache starts a failed answer's 5 s lifetime when it processes the failed
    // call's completion, on this virtual clock; that may trail join() by a moment and so land after
    // the advance above, keeping the failure for 5 virtual seconds that never pass. Each poll that
    // still sees it moves the clock past that lifetime; the next must bring the fresh answer.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              poller.pollNow().join();
              boolean fresh =
                  !readings.isEmpty() && readings.get(readings.size() - 1).funding().size() == 2;
              if (!fresh) {
                apis.clock.advance(Duration.ofSeconds(6));
              }
              return fresh;
            });

    MarketReading fresh = readings.get(readings.size() - 1);
    assertThat(fresh.funding()).hasSize(2);
    assertThat(fresh.time())
        .isAfterOrEqualTo(MarketApis.NOW.plus(Duration.ofMinutes(5)))
        .isEqualTo(apis.clock.instant());
  }

  @Test
  void endToEnd_bybitsExtremeFundingRaisesAFundingExtremeAlertWithItsOpenInterest() {
    apis.venuesAnswerBtc();
    List<Alert> alerts = new ArrayList<>();
    AlertEngine engine = AlertEngine.withBuiltInRules(Thresholds.DEFAULT, alerts::add);

    venues().pollNow().join();
    readings.forEach(engine::onReading);

    // Bybit's -0.1034% per 8 h is past the default 0.1%; the others are far below it
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo(FundingExtremeRule.NAME);
              assertThat(a.kind()).isEqualTo(AlertKind.NEW);
              assertThat(a.coin()).isEqualTo(BTC);
              assertThat(a.side()).contains(AlertSide.SHORT);
              assertThat(a.exchanges()).containsExactly(Exchange.BYBIT);
              assertThat(a.usdValue()).isEqualTo(165_970_000.0);
              Reading.Funding f = (Reading.Funding) a.reading().orElseThrow();
              assertThat(f.rate()).isEqualTo(-0.001034);
              assertThat(f.interval()).isEqualTo(Duration.ofHours(8));
              assertThat(f.source()).isEqualTo("exchange APIs");
            });
    assertThat(AlertHtml.plain(alerts.get(0))).contains("Bybit", "-0.1034% / 8h", "$166.0M");
  }

  @Test
  void endToEnd_coinglassFundingWithoutOpenInterestNeverShowsAZeroValue() {
    apis.coinglassAnswersBtc();
    // Thresholds first: touching MarketThresholds first hits a class-initialization cycle
    MarketThresholds d = Thresholds.DEFAULT.market();
    Thresholds low =
        withMarket(
            new MarketThresholds(
                d.cascadeCoins(),
                d.cascadeCoinUsd(),
                d.cascadeTotalUsd(),
                d.cascadeWindow(),
                d.cascadeUpdateInterval(),
                0.00007,
                0.00003,
                d.oiSpikePercent(),
                d.oiResolvePercent(),
                d.oiWindow(),
                d.pollInterval()));
    List<Alert> alerts = new ArrayList<>();
    AlertEngine engine = AlertEngine.withBuiltInRules(low, alerts::add);

    coinglass(DEADLINE).pollNow().join();
    readings.forEach(engine::onReading);

    // both Binance (0.007343%) and OKX (0.007369%) reach 0.007% per 8 h; CoinGlass gave no
    // open interest for either, only CME's
    assertThat(alerts).hasSize(2).allSatisfy(a -> assertThat(a.hasUsdValue()).isFalse());
    alerts.forEach(a -> assertThat(AlertHtml.plain(a)).doesNotContain("$0"));
  }

  private static Thresholds withMarket(MarketThresholds market) {
    Thresholds d = Thresholds.DEFAULT;
    return new Thresholds(
        d.tiers(),
        d.byTier(),
        d.stormWindow(),
        d.stormUpdateInterval(),
        d.cooldown(),
        d.escalationFactor(),
        d.clusterWindow(),
        d.singleGroupWait(),
        d.stormGroupWait(),
        market);
  }
}
