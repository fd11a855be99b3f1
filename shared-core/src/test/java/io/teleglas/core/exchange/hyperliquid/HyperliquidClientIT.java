package io.teleglas.core.exchange.hyperliquid;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import io.teleglas.core.market.Ticker;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HyperliquidClient} against WireMock. The fixture is the documented {@code [meta,
 * assetCtxs]} shape of [HL-SITE] info-endpoint/perpetuals (market-apis §D.4): BTC's context is the
 * §D.4 {@code activeAssetCtx} sample, HPOS's the perpetuals page example; the kPEPE row and the
 * delisted OLDCOIN row carry numbers chosen for the test.
 */
class HyperliquidClientIT {
  private static final Coin BTC = new Coin("BTC");

  private final VenueStub stub = new VenueStub();
  private final HyperliquidClient client =
      new HyperliquidClient(
          stub.baseUri(), stub.http, stub.mapper, stub.clock, stub.meter, stub.catalog);

  @BeforeEach
  void serve() {
    stub.server.stubFor(
        post(urlPathEqualTo("/info"))
            .withRequestBody(equalToJson("{\"type\":\"metaAndAssetCtxs\"}"))
            .willReturn(okJson(fixture("hyperliquid/meta-and-asset-ctxs.json"))));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private static <T> T value(CompletableFuture<Fetched<T>> future) {
    Fetched<T> fetched = future.join();
    assertThat(fetched).isInstanceOf(Fetched.Value.class);
    assertThat(((Fetched.Value<T>) fetched).source()).isEqualTo("Hyperliquid");
    return ((Fetched.Value<T>) fetched).value();
  }

  private static Reason reason(CompletableFuture<? extends Fetched<?>> future) {
    Fetched<?> fetched = future.join();
    assertThat(fetched).isInstanceOf(Fetched.Unavailable.class);
    return ((Fetched.Unavailable<?>) fetched).reason();
  }

  @Test
  void ticker_usesMarkPriceAndPrevDayPriceAndHasNoRange() {
    Ticker ticker = value(client.ticker(BTC));

    assertThat(ticker.exchange()).isEqualTo(Exchange.HYPERLIQUID);
    assertThat(ticker.price()).isEqualTo(64405.0);
    // (64405 / 63564 - 1) x 100
    assertThat(ticker.change24hPercent().getAsDouble()).isCloseTo(1.32307595, within(1e-8));
    assertThat(ticker.volume24hUsd()).hasValue(1128098483.2000689507);
    assertThat(ticker.high24h()).isEmpty();
    assertThat(ticker.low24h()).isEmpty();
    assertThat(ticker.time()).isEqualTo(VenueStub.NOW);
  }

  @Test
  void funding_isHourlyWithoutANextTime() {
    FundingRate funding = value(client.funding(BTC));

    assertThat(funding.rate()).isEqualTo(0.0000125);
    assertThat(funding.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(funding.nextFundingTime()).isEmpty();
  }

  @Test
  void openInterest_valuesCoinsAtMarkPrice() {
    OpenInterest oi = value(client.openInterest(BTC));

    // 32227.66018 BTC x 64405 USD
    assertThat(oi.usdValue()).isCloseTo(2_075_622_453.89, within(0.01));
    assertThat(oi.coinQuantity()).hasValue(32227.66018);
  }

  @Test
  void pepe_isReadFromKPepeAndAnsweredPerCoin() {
    Ticker ticker = value(client.ticker(new Coin("PEPE")));
    OpenInterest oi = value(client.openInterest(new Coin("PEPE")));

    assertThat(ticker.price()).isCloseTo(0.000012, within(1e-15)); // 0.012 per 1000 PEPE
    assertThat(ticker.change24hPercent().getAsDouble()).isCloseTo(-4.0, within(1e-9));
    assertThat(oi.usdValue()).isCloseTo(30_000_000.0, within(1e-6)); // 2.5e9 kPEPE x 0.012
    assertThat(oi.coinQuantity().getAsDouble()).isCloseTo(2.5e12, within(1.0));
  }

  @Test
  void allFigures_shareOneInfoCallAcrossCoins() {
    value(client.ticker(BTC));
    value(client.funding(BTC));
    value(client.openInterest(new Coin("PEPE")));

    stub.server.verify(1, postRequestedFor(urlPathEqualTo("/info")));
  }

  @Test
  void coinsMissingOrDelistedInTheUniverse_areUnknownSymbols() {
    assertThat(client.ticker(new Coin("NOSUCH")).join())
        .isEqualTo(
            Fetched.unavailable(
                Reason.UNKNOWN_SYMBOL, "Hyperliquid does not list NOSUCH", "Hyperliquid"));
    assertThat(reason(client.funding(new Coin("OLDCOIN")))).isEqualTo(Reason.UNKNOWN_SYMBOL);
  }

  @Test
  void longShortAndTrades_areNotOfferedAndNeverRequested() {
    for (LongShortRatio.Kind kind : LongShortRatio.Kind.values()) {
      assertThat(reason(client.longShortRatio(BTC, kind))).isEqualTo(Reason.NOT_OFFERED);
    }
    assertThat(reason(client.recentLargeTrades(BTC, 100_000))).isEqualTo(Reason.NOT_OFFERED);
    stub.server.verify(0, postRequestedFor(urlPathEqualTo("/info")));
  }

  @Test
  void baseUriWithATrailingSlash_stillPostsToInfo() {
    HyperliquidClient slashed =
        new HyperliquidClient(
            URI.create(stub.server.baseUrl() + "/"),
            stub.http,
            stub.mapper,
            stub.clock,
            stub.meter,
            stub.catalog);

    assertThat(value(slashed.funding(BTC)).rate()).isEqualTo(0.0000125);
  }
}
