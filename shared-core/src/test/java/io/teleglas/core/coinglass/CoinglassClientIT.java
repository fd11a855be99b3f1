package io.teleglas.core.coinglass;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.teleglas.core.coinglass.Outcomes.unavailable;
import static io.teleglas.core.coinglass.Outcomes.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.upstream.Fetched;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against its official doc sample ([CG-DOCS] coinglass-api/coinglass-api-docs,
 * quoted in market-apis.md §A.6; comments and elisions removed so the fixtures are valid JSON).
 */
class CoinglassClientIT {
  private static final Coin BTC = new Coin("BTC");
  private static final Coin ETH = new Coin("ETH");

  private final CoinglassHarness cg = new CoinglassHarness();
  private final CoinglassClient client = cg.client();

  @AfterEach
  void stop() throws InterruptedException {
    cg.close();
  }

  private void serve(String path, String fixture) {
    cg.server.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.text(fixture))));
  }

  /** Source: rest/Futures/Trading-Market/pairs-markets.md. */
  @Test
  void pairMarkets_readsTheDocSampleAndSendsTheKey() {
    serve("/api/futures/pairs-markets", "pairs-markets.json");

    List<PairMarket> pairs = value(client.pairMarkets(BTC));

    cg.server.verify(
        getRequestedFor(urlPathEqualTo("/api/futures/pairs-markets"))
            .withQueryParam("symbol", equalTo("BTC"))
            .withHeader("CG-API-KEY", equalTo(CoinglassHarness.KEY)));
    assertThat(pairs).hasSize(2);
    PairMarket binance = pairs.get(0);
    assertThat(binance.exchange()).isEqualTo(Exchange.BINANCE);
    assertThat(binance.instrument()).isEqualTo("BTCUSDT");
    assertThat(binance.pair()).contains("BTC/USDT");
    assertThat(binance.price()).isEqualTo(84604.3);
    assertThat(binance.volume24hUsd()).hasValue(11317580109.5041);
    assertThat(binance.fundingRate().getAsDouble()).isCloseTo(0.00002007, within(1e-12));
    assertThat(binance.nextFundingTime()).contains(Instant.ofEpochMilli(1744963200000L));
    assertThat(binance.longLiquidationUsd24h()).hasValue(3654182.12);
    assertThat(binance.shortLiquidationUsd24h()).hasValue(4099047.79);
    assertThat(binance.time()).isEqualTo(CoinglassHarness.NOW);

    PairMarket gate = pairs.get(1);
    assertThat(gate.exchange()).isEqualTo(Exchange.of("Gate"));
    assertThat(gate.nextFundingTime()).isEmpty();

    Ticker ticker = binance.ticker();
    assertThat(ticker.change24hPercent()).hasValue(0.67);
    assertThat(ticker.high24h()).isEmpty();
    OpenInterest oi = binance.openInterest().orElseThrow();
    assertThat(oi.usdValue()).isEqualTo(6589095073.8296);
    assertThat(oi.coinQuantity()).hasValue(77881.234);
  }

  /**
   * The pairs-markets doc sample with every number quoted, as CoinGlass does elsewhere (§A.6.6).
   */
  @Test
  void pairMarkets_readsNumbersSentAsStrings() {
    serve("/api/futures/pairs-markets", "pairs-markets-numbers-as-strings.json");

    List<PairMarket> pairs = value(client.pairMarkets(BTC));

    assertThat(pairs.get(0).price()).isEqualTo(84604.3);
    assertThat(pairs.get(0).openInterestUsd()).hasValue(6589095073.8296);
    assertThat(pairs.get(0).nextFundingTime()).contains(Instant.ofEpochMilli(1744963200000L));
  }

  /** Source: rest/Futures/Trading-Market/coins-markets.md (its ETH item is cut short there). */
  @Test
  void coinMarket_findsTheCoinOnAPageAndLeavesUnsentWindowsEmpty() {
    serve("/api/futures/coins-markets", "coins-markets.json");

    CoinMarket btc = value(client.coinMarket(BTC));
    CoinMarket eth = value(client.coinMarket(ETH));

    cg.server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/api/futures/coins-markets"))
            .withQueryParam("per_page", equalTo("100"))
            .withQueryParam("page", equalTo("1")));
    assertThat(btc.price()).isEqualTo(84773.6);
    assertThat(btc.fundingRateByOi().getAsDouble()).isCloseTo(0.0000196, within(1e-12));
    assertThat(btc.openInterestChangePercent().get(Window.H4)).hasValue(0.17);
    assertThat(btc.openInterestChangePercent().get(Window.H12)).isEmpty();
    assertThat(btc.longLiquidationUsd().get(Window.H24)).hasValue(17793322.595016);
    assertThat(btc.longShortRatio().get(Window.H1)).hasValue(1.0068);
    assertThat(btc.openInterest().orElseThrow().exchange()).isEqualTo(Exchange.ALL);
    assertThat(eth.priceChangePercent().get(Window.H24)).hasValue(0.16);
    assertThat(eth.liquidationUsd().values()).isEmpty();
    assertThat(eth.volumeChangePercent().get(Window.H1)).isEmpty();
  }

  @Test
  void coinMarket_isUnknownWhenTheLastPageLacksIt() {
    serve("/api/futures/coins-markets", "coins-markets.json");

    Fetched.Unavailable<CoinMarket> missing = unavailable(client.coinMarket(new Coin("NOPE")));

    assertThat(missing.reason()).isEqualTo(Fetched.Reason.UNKNOWN_SYMBOL);
    assertThat(missing.detail()).isEqualTo("CoinGlass has no data for NOPE");
    cg.server.verify(1, getRequestedFor(urlPathEqualTo("/api/futures/coins-markets")));
  }

  /** Source: rest/Futures/Trading-Market/coins-price-change.md. */
  @Test
  void priceChanges_picksTheCoin() {
    serve("/api/futures/coins-price-change", "coins-price-change.json");

    PriceChanges eth = value(client.priceChanges(ETH));

    assertThat(eth.price()).isEqualTo(1573.45);
    assertThat(eth.changePercent().get(Window.H4)).hasValue(-0.77);
    assertThat(eth.amplitudePercent().get(Window.H24)).hasValue(3.47);
  }

  /** Source: rest/Futures/Open-Interest/oi-exchange-list.md. */
  @Test
  void openInterestByExchange_separatesTheAllRow() {
    serve("/api/futures/open-interest/exchange-list", "open-interest-exchange-list.json");

    OpenInterestByExchange oi = value(client.openInterestByExchange(BTC));

    cg.server.verify(
        getRequestedFor(urlPathEqualTo("/api/futures/open-interest/exchange-list"))
            .withQueryParam("symbol", equalTo("BTC")));
    OpenInterestByExchange.Row total = oi.total().orElseThrow();
    assertThat(total.exchange()).isEqualTo(Exchange.ALL);
    assertThat(total.usd()).isEqualTo(57437891724.5572);
    assertThat(total.changePercent().get(Window.H1)).hasValue(2.27);
    assertThat(oi.exchanges())
        .extracting(OpenInterestByExchange.Row::exchange)
        .containsExactly(Exchange.of("CME"));
    assertThat(oi.exchanges().get(0).coinMarginQuantity()).hasValue(0);
    assertThat(oi.openInterest())
        .extracting(OpenInterest::usdValue)
        .containsExactly(57437891724.5572, 12294999402.5);
  }

  /** Source: rest/Futures/Funding-Rate/fr-exchange-list.md (no parameters: every coin at once). */
  @Test
  void fundingRates_convertsPercentToFractionsAndSharesOneRequest() {
    serve("/api/futures/funding-rate/exchange-list", "funding-rate-exchange-list.json");

    CoinFundingRates btc = value(client.fundingRates(BTC));
    Fetched.Unavailable<CoinFundingRates> eth = unavailable(client.fundingRates(ETH));
    FundingExtremes extremes = value(client.fundingExtremes(5, Set.of()));

    FundingRate binance = btc.stablecoinMargined().get(0);
    assertThat(binance.exchange()).isEqualTo(Exchange.BINANCE);
    assertThat(binance.rate()).isCloseTo(0.00007343, within(1e-12));
    assertThat(binance.interval()).isEqualTo(Duration.ofHours(8));
    assertThat(binance.nextFundingTime()).contains(Instant.ofEpochMilli(1745222400000L));
    assertThat(btc.coinMargined())
        .singleElement()
        .satisfies(r -> assertThat(r.rate()).isCloseTo(-0.00001829, within(1e-12)));
    assertThat(eth.reason()).isEqualTo(Fetched.Reason.UNKNOWN_SYMBOL);
    assertThat(extremes.highest()).extracting(FundingRate::exchange).containsExactly(Exchange.OKX);
    assertThat(extremes.lowest()).isEmpty();
    cg.server.verify(1, getRequestedFor(urlPathEqualTo("/api/futures/funding-rate/exchange-list")));
  }

  /** Source: rest/Futures/Liquidation/liquidation-exchange-list.md. */
  @Test
  void liquidationsByExchange_asksForTheWindowAndSplitsLongAndShort() {
    serve("/api/futures/liquidation/exchange-list", "liquidation-exchange-list.json");

    ExchangeLiquidations liq = value(client.liquidationsByExchange(BTC, Window.H1));

    cg.server.verify(
        getRequestedFor(urlPathEqualTo("/api/futures/liquidation/exchange-list"))
            .withQueryParam("symbol", equalTo("BTC"))
            .withQueryParam("range", equalTo("1h")));
    assertThat(liq.coin()).contains(BTC);
    assertThat(liq.range()).isEqualTo(Window.H1);
    ExchangeLiquidations.Row total = liq.total().orElseThrow();
    assertThat(total.longUsd()).isEqualTo(451394.17404598);
    assertThat(total.shortUsd()).isEqualTo(14222125.64334477);
    assertThat(total.totalUsd()).isEqualTo(14673519.81739075);
    assertThat(liq.exchanges())
        .extracting(ExchangeLiquidations.Row::exchange)
        .containsExactly(Exchange.BYBIT);
  }

  @Test
  void liquidationsByExchange_refusesWindowsCoinGlassLacksWithoutAsking() {
    Fetched.Unavailable<ExchangeLiquidations> refused =
        unavailable(client.liquidationsByExchange(BTC, Window.M5));

    assertThat(refused.reason()).isEqualTo(Fetched.Reason.NOT_OFFERED);
    assertThat(refused.detail()).contains("1h, 4h, 12h, 24h");
    assertThat(cg.server.getAllServeEvents()).isEmpty();
  }

  /** Source: rest/Futures/Long-Short-Ratio/global-longshort-account-ratio.md. */
  @Test
  void longShortRatio_takesTheLatestBucket() {
    serve(
        "/api/futures/global-long-short-account-ratio/history",
        "global-long-short-account-ratio.json");

    LongShortRatio ratio =
        value(
            client.longShortRatio(
                LongShortRatio.Kind.GLOBAL_ACCOUNTS,
                Exchange.BINANCE,
                BTC,
                "BTCUSDT",
                Duration.ofHours(1)));

    cg.server.verify(
        getRequestedFor(urlPathEqualTo("/api/futures/global-long-short-account-ratio/history"))
            .withQueryParam("exchange", equalTo("Binance"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .withQueryParam("interval", equalTo("1h"))
            .withQueryParam(
                "start_time",
                equalTo(
                    Long.toString(CoinglassHarness.NOW.minusSeconds(3 * 3600).toEpochMilli()))));
    assertThat(ratio.kind()).isEqualTo(LongShortRatio.Kind.GLOBAL_ACCOUNTS);
    assertThat(ratio.longShare()).isCloseTo(0.7324, within(1e-12));
    assertThat(ratio.time()).isEqualTo(Instant.ofEpochMilli(1741608000000L));
    assertThat(ratio.period()).isEqualTo(Duration.ofHours(1));
  }

  /** Source: rest/Futures/Long-Short-Ratio/top-longshort-position-ratio.md. */
  @Test
  void longShortRatio_readsTopPositions() {
    serve(
        "/api/futures/top-long-short-position-ratio/history", "top-long-short-position-ratio.json");
    cg.clock.advance(Duration.ofHours(2));

    LongShortRatio ratio =
        value(
            client.longShortRatio(
                LongShortRatio.Kind.TOP_TRADER_POSITIONS,
                Exchange.BINANCE,
                BTC,
                "BTCUSDT",
                Duration.ofHours(4)));

    assertThat(ratio.longShare()).isCloseTo(0.6499, within(1e-12));
    assertThat(ratio.time()).isEqualTo(Instant.ofEpochMilli(1741618800000L));
  }

  /** Source: rest/Futures/Long-Short-Ratio/taker-buysell-volume-exchange-list.md. */
  @Test
  void takerVolume_readsTheWindowTotalsAndPerExchange() {
    serve(
        "/api/futures/taker-buy-sell-volume/exchange-list",
        "taker-buy-sell-volume-exchange-list.json");

    TakerVolume taker = value(client.takerVolume(BTC, Window.H4));

    cg.server.verify(
        getRequestedFor(urlPathEqualTo("/api/futures/taker-buy-sell-volume/exchange-list"))
            .withQueryParam("symbol", equalTo("BTC"))
            .withQueryParam("range", equalTo("4h")));
    assertThat(taker.buyUsd()).isEqualTo(1112108532.1688);
    assertThat(taker.sellUsd()).isEqualTo(1068220541.0417);
    assertThat(taker.buyShare().getAsDouble()).isCloseTo(0.5101, within(0.0001));
    assertThat(taker.exchanges())
        .extracting(TakerVolume.Row::exchange)
        .containsExactly(Exchange.BINANCE, Exchange.OKX);
  }

  /** Source: rest/Futures/Hyperliquid-Positions/hyperliquid-whale-alert.md. */
  @Test
  void whaleAlerts_takeTheDirectionFromTheSizeAndTheActionFromTheCode() {
    serve("/api/hyperliquid/whale-alert", "hyperliquid-whale-alert.json");

    List<WhaleAlert> alerts = value(client.whaleAlerts());

    WhaleAlert eth = alerts.get(0);
    assertThat(eth.user()).isEqualTo("0x3fd4444154242720c0d0c61c74a240d90c127d33");
    assertThat(eth.coin()).isEqualTo(ETH);
    assertThat(eth.side()).isEqualTo(PositionSide.LONG);
    assertThat(eth.action()).isEqualTo(WhaleAlert.Action.CLOSE);
    assertThat(eth.size()).isEqualTo(12700);
    assertThat(eth.notionalUsd()).isEqualTo(21003260);
    assertThat(eth.entryPrice()).isEqualTo(1611.62);
    assertThat(eth.liquidationPrice()).hasValue(527.2521);
    assertThat(eth.time()).isEqualTo(Instant.ofEpochMilli(1745219517000L));
    assertThat(alerts.get(1).coin()).isEqualTo(BTC);
  }

  /** Source: rest/Futures/Hyperliquid-Positions/hyperliquid-whale-position.md. */
  @Test
  void whalePositions_readNegativeSizesAsShorts() {
    serve("/api/hyperliquid/whale-position", "hyperliquid-whale-position.json");

    List<WhalePosition> positions = value(client.whalePositions());

    WhalePosition eth = positions.get(0);
    assertThat(eth.side()).isEqualTo(PositionSide.SHORT);
    assertThat(eth.size()).isEqualTo(44727.1273);
    assertThat(eth.notionalUsd()).isEqualTo(73589542.5467);
    assertThat(eth.markPrice()).hasValue(1645.8);
    assertThat(eth.leverage()).hasValue(25);
    assertThat(eth.fundingFeeUsd()).hasValue(-3107520.7373);
    assertThat(eth.marginMode()).contains(WhalePosition.MarginMode.CROSS);
    assertThat(eth.openedAt()).contains(Instant.ofEpochMilli(1741680802000L));
    assertThat(positions.get(1).marginMode()).contains(WhalePosition.MarginMode.ISOLATED);
  }

  /** Source: rest/Indic/Futures/futures-rsi-list.md. */
  @Test
  void rsi_picksTheCoinsTimeframes() {
    serve("/api/futures/rsi/list", "rsi-list.json");

    RsiValues btc = value(client.rsi(BTC));
    RsiValues eth = value(client.rsi(ETH));

    assertThat(btc.rsi().get(Window.H1)).hasValue(71.91);
    assertThat(btc.rsi().get(Window.H4)).hasValue(72.12);
    assertThat(btc.rsi().get(Window.H24)).hasValue(57.88);
    assertThat(btc.price()).hasValue(87348.6);
    assertThat(eth.rsi().get(Window.W1)).hasValue(33.31);
    cg.server.verify(1, getRequestedFor(urlPathEqualTo("/api/futures/rsi/list")));
  }

  /** Source: rest/Futures/Liquidation/liquidation-order.md. */
  @Test
  void liquidationOrders_readSideTwoAsAShortByDefault() {
    serve("/api/futures/liquidation/order", "liquidation-order.json");

    List<Liquidation> orders = value(client.liquidationOrders(Exchange.BINANCE, BTC, 10_000));

    cg.server.verify(
        getRequestedFor(urlPathEqualTo("/api/futures/liquidation/order"))
            .withQueryParam("exchange", equalTo("Binance"))
            .withQueryParam("symbol", equalTo("BTC"))
            .withQueryParam("min_liquidation_amount", equalTo("10000")));
    Liquidation first = orders.get(0);
    assertThat(first.exchange()).isEqualTo(Exchange.BINANCE);
    assertThat(first.instrument()).isEqualTo("BTCUSDT");
    assertThat(first.side()).isEqualTo(PositionSide.SHORT);
    assertThat(first.price()).isEqualTo(87535.9);
    assertThat(first.usdValue()).isEqualTo(205534.2932);
    assertThat(first.quantity()).isCloseTo(205534.2932 / 87535.9, within(1e-9));
    assertThat(first.time()).isEqualTo(Instant.ofEpochMilli(1745216319263L));
  }

  @Test
  void liquidationOrders_readSideTwoAsALongWhenConfiguredAsOrderDirection() {
    serve("/api/futures/liquidation/order", "liquidation-order.json");
    CoinglassClient orderDirection =
        cg.builder().liquidationSides(LiquidationSideCode.AS_ORDER_DIRECTION).build();

    List<Liquidation> orders =
        value(orderDirection.liquidationOrders(Exchange.BINANCE, BTC, 10_000));

    assertThat(orders).extracting(Liquidation::side).containsOnly(PositionSide.LONG);
  }

  @Test
  void calls_areRecordedPerEndpointAndOutcome() {
    serve("/api/futures/pairs-markets", "pairs-markets.json");

    value(client.pairMarkets(BTC));

    assertThat(
            cg.registry
                .get("teleglas_upstream_calls")
                .tag("upstream", "CoinGlass")
                .tag("endpoint", "futures/pairs-markets")
                .tag("outcome", "ok")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(cg.meter.state("CoinGlass").orElseThrow().lastOk()).isTrue();
  }
}
