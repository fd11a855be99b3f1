package io.teleglas.core.exchange.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.teleglas.core.exchange.VenueStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.teleglas.core.exchange.VenueStub;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.market.Trade;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OkxClient} against WireMock. Fixtures follow the [OKX-SITE] response examples (market-apis
 * §D.3; copies read from the official docs' Public Data and Market Data pages): funding-rate and
 * open-interest verbatim; the ticker example moved from BTC-USD-SWAP to BTC-USDT-SWAP with {@code
 * vol24h} set to contracts (the doc's toy sample repeats {@code volCcy24h}); instruments with the
 * live-recorded BTC-USDT-SWAP contract values of §C.3; trades in the documented shape with the §C.3
 * swap row and one row of the doc example. The long/short files follow the documented {@code [ts,
 * ratio]} rows with numbers chosen for the test; the error bodies carry the documented codes 51001
 * and 50011.
 */
class OkxClientIT {
  private static final Coin BTC = new Coin("BTC");

  private final VenueStub stub = new VenueStub();
  private final OkxClient client =
      new OkxClient(stub.baseUri(), stub.http, stub.mapper, stub.clock, stub.meter, stub.catalog);

  @AfterEach
  void stop() {
    stub.close();
  }

  private void serve(String path, String instId, String fixture) {
    stub.server.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("instId", equalTo(instId))
            .willReturn(okJson(fixture("okx/" + fixture))));
  }

  private static <T> T value(CompletableFuture<Fetched<T>> future) {
    Fetched<T> fetched = future.join();
    assertThat(fetched).isInstanceOf(Fetched.Value.class);
    assertThat(((Fetched.Value<T>) fetched).source()).isEqualTo("OKX");
    return ((Fetched.Value<T>) fetched).value();
  }

  private static Reason reason(CompletableFuture<? extends Fetched<?>> future) {
    Fetched<?> fetched = future.join();
    assertThat(fetched).isInstanceOf(Fetched.Unavailable.class);
    return ((Fetched.Unavailable<?>) fetched).reason();
  }

  @Test
  void ticker_measuresTheChangeFromOpen24hAndValuesCoinVolumeAtTheLastPrice() {
    serve("/api/v5/market/ticker", "BTC-USDT-SWAP", "ticker-btc.json");

    Ticker ticker = value(client.ticker(BTC));

    assertThat(ticker.exchange()).isEqualTo(Exchange.OKX);
    assertThat(ticker.price()).isEqualTo(9999.99);
    // (9999.99 / 9000 - 1) x 100
    assertThat(ticker.change24hPercent().getAsDouble()).isCloseTo(11.111, within(1e-9));
    assertThat(ticker.high24h()).hasValue(10000.0);
    assertThat(ticker.low24h()).hasValue(8888.88);
    // volCcy24h is 2222 BTC; vol24h (222,200 contracts) is not read
    assertThat(ticker.volume24hUsd().getAsDouble()).isCloseTo(22_219_977.78, within(1e-6));
    assertThat(ticker.time()).isEqualTo(Instant.ofEpochMilli(1597026383085L));
  }

  @Test
  void ticker_asksForPepeUsdtSwap() {
    serve("/api/v5/market/ticker", "PEPE-USDT-SWAP", "ticker-pepe.json");

    Ticker ticker = value(client.ticker(new Coin("PEPE")));

    assertThat(ticker.price()).isEqualTo(0.000012345);
    assertThat(ticker.change24hPercent().getAsDouble()).isCloseTo(2.875, within(1e-9));
    // 8e12 PEPE x 0.000012345 USD
    assertThat(ticker.volume24hUsd().getAsDouble()).isCloseTo(98_760_000.0, within(1e-3));
  }

  @Test
  void funding_settlesAtFundingTimeAndTakesTheIntervalToNextFundingTime() {
    serve("/api/v5/public/funding-rate", "BTC-USDT-SWAP", "funding-rate-btc.json");

    FundingRate funding = value(client.funding(BTC));

    assertThat(funding.rate()).isEqualTo(0.0000792386885340);
    assertThat(funding.nextFundingTime()).contains(Instant.parse("2023-12-20T16:00:00Z"));
    // 1703116800000 - 1703088000000 ms
    assertThat(funding.interval()).isEqualTo(Duration.ofHours(8));
    assertThat(funding.time()).isEqualTo(Instant.ofEpochMilli(1703070685309L));
  }

  @Test
  void openInterest_takesTheUsdAndCoinFiguresOkxStates() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v5/public/open-interest"))
            .withQueryParam("instType", equalTo("SWAP"))
            .withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
            .willReturn(okJson(fixture("okx/open-interest-btc.json"))));

    OpenInterest oi = value(client.openInterest(BTC));

    assertThat(oi.usdValue()).isEqualTo(50_000.0);
    assertThat(oi.coinQuantity()).hasValue(555.55);
  }

  @Test
  void longShortRatio_turnsLongsPerShortIntoALongShare() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v5/rubik/stat/contracts/long-short-account-ratio-contract"))
            .withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
            .withQueryParam("period", equalTo("5m"))
            .withQueryParam("limit", equalTo("1"))
            .willReturn(okJson(fixture("okx/long-short-account-ratio-btc.json"))));
    serve(
        "/api/v5/rubik/stat/contracts/long-short-position-ratio-contract-top-trader",
        "BTC-USDT-SWAP",
        "long-short-position-ratio-top-trader-btc.json");

    LongShortRatio all = value(client.longShortRatio(BTC, LongShortRatio.Kind.GLOBAL_ACCOUNTS));
    LongShortRatio top =
        value(client.longShortRatio(BTC, LongShortRatio.Kind.TOP_TRADER_POSITIONS));

    assertThat(all.longShare()).isCloseTo(1.25 / 2.25, within(1e-12)); // newest row
    assertThat(all.time()).isEqualTo(Instant.ofEpochMilli(1701417600000L));
    assertThat(all.period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(top.longShare()).isCloseTo(0.375, within(1e-12)); // 0.6 / 1.6
    assertThat(top.kind()).isEqualTo(LongShortRatio.Kind.TOP_TRADER_POSITIONS);
  }

  @Test
  void recentLargeTrades_convertsContractsToCoinsWithTheContractValue() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v5/public/instruments"))
            .withQueryParam("instType", equalTo("SWAP"))
            .withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
            .willReturn(okJson(fixture("okx/instruments-btc.json"))));
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v5/market/trades"))
            .withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
            .withQueryParam("limit", equalTo("500"))
            .willReturn(okJson(fixture("okx/trades-btc.json"))));

    List<Trade> trades = value(client.recentLargeTrades(BTC, 100_000));
    value(client.recentLargeTrades(BTC, 0));

    assertThat(trades).extracting(Trade::tradeId).containsExactly("7000002", "7000001");
    Trade buy = trades.get(0);
    assertThat(buy.side()).isEqualTo(TakerSide.BUY);
    assertThat(buy.quantity()).isCloseTo(1.5, within(1e-12)); // 150 contracts x 0.01 BTC
    assertThat(buy.usdValue()).isCloseTo(125_670.0, within(1e-6));
    Trade sell = trades.get(1);
    assertThat(sell.side()).isEqualTo(TakerSide.SELL);
    assertThat(sell.quantity()).isCloseTo(3.0, within(1e-12)); // 300 contracts x 0.01 BTC
    assertThat(sell.usdValue()).isCloseTo(251_317.8, within(1e-6));
    stub.server.verify(1, getRequestedFor(urlPathEqualTo("/api/v5/public/instruments")));
  }

  @Test
  void recentLargeTrades_refusesAContractNotValuedInTheCoin() {
    serve("/api/v5/public/instruments", "BTC-USDT-SWAP", "instruments-btc-inverse.json");
    serve("/api/v5/market/trades", "BTC-USDT-SWAP", "trades-btc.json");

    assertThat(reason(client.recentLargeTrades(BTC, 0))).isEqualTo(Reason.UPSTREAM_ERROR);
    stub.server.verify(0, getRequestedFor(urlPathEqualTo("/api/v5/market/trades")));
  }

  @Test
  void instrumentDoesNotExist_isAnUnknownSymbol() {
    serve("/api/v5/market/ticker", "NOSUCH-USDT-SWAP", "error-instrument-does-not-exist.json");

    assertThat(client.ticker(new Coin("NOSUCH")).join())
        .isEqualTo(
            Fetched.unavailable(
                Reason.UNKNOWN_SYMBOL, "OKX does not list NOSUCH-USDT-SWAP", "OKX"));
  }

  @Test
  void tooManyRequestsCode_isRateLimited() {
    serve("/api/v5/public/funding-rate", "BTC-USDT-SWAP", "error-too-many-requests.json");

    assertThat(reason(client.funding(BTC))).isEqualTo(Reason.RATE_LIMITED);
  }
}
