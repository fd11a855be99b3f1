package io.teleglas.core.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.teleglas.core.exchange.binance.BinanceFuturesClient;
import io.teleglas.core.exchange.bybit.BybitClient;
import io.teleglas.core.exchange.hyperliquid.HyperliquidClient;
import io.teleglas.core.exchange.okx.OkxClient;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every exchange client answers when the venue misbehaves at the HTTP level: rate limits,
 * server errors, truncated or foreign bodies, slowness and dropped connections. The truncated body
 * is the first half of Binance's documented 24hr-ticker sample.
 */
class ExchangeClientFailuresIT {
  private static final Coin BTC = new Coin("BTC");

  static Stream<Arguments> venues() {
    return Stream.of(
        venue(
            "Binance",
            s ->
                new BinanceFuturesClient(
                    s.baseUri(), s.http, s.mapper, s.clock, s.meter, s.catalog)),
        venue(
            "Bybit",
            s -> new BybitClient(s.baseUri(), s.http, s.mapper, s.clock, s.meter, s.catalog)),
        venue(
            "OKX", s -> new OkxClient(s.baseUri(), s.http, s.mapper, s.clock, s.meter, s.catalog)),
        venue(
            "Hyperliquid",
            s ->
                new HyperliquidClient(s.baseUri(), s.http, s.mapper, s.clock, s.meter, s.catalog)));
  }

  private static Arguments venue(String name, Function<VenueStub, ExchangeClient> factory) {
    return Arguments.of(name, factory);
  }

  private static Fetched<Ticker> tickerWhenServed(
      Function<VenueStub, ExchangeClient> factory, ResponseDefinitionBuilder response) {
    try (VenueStub stub = new VenueStub()) {
      stub.server.stubFor(any(anyUrl()).willReturn(response));
      return factory.apply(stub).ticker(BTC).join();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("venues")
  void http429_isRateLimited(String venue, Function<VenueStub, ExchangeClient> factory) {
    assertThat(tickerWhenServed(factory, aResponse().withStatus(429)))
        .isEqualTo(
            Fetched.unavailable(
                Reason.RATE_LIMITED,
                venue + " is limiting our requests; try again in a minute",
                venue));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("venues")
  void http418_isRateLimited(String venue, Function<VenueStub, ExchangeClient> factory) {
    Fetched<Ticker> ticker = tickerWhenServed(factory, aResponse().withStatus(418));

    assertThat(((Fetched.Unavailable<Ticker>) ticker).reason()).isEqualTo(Reason.RATE_LIMITED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("venues")
  void http500_isAnUpstreamError(String venue, Function<VenueStub, ExchangeClient> factory) {
    Fetched<Ticker> ticker =
        tickerWhenServed(factory, aResponse().withStatus(500).withBody("<html>oops</html>"));

    assertThat(ticker)
        .isEqualTo(
            Fetched.unavailable(
                Reason.UPSTREAM_ERROR, venue + " had a server error (HTTP 500)", venue));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("venues")
  void truncatedJson_isAnUpstreamError(String venue, Function<VenueStub, ExchangeClient> factory) {
    Fetched<Ticker> ticker =
        tickerWhenServed(factory, okJson(VenueStub.fixture("binance/ticker-24hr-truncated.json")));

    assertThat(ticker)
        .isEqualTo(
            Fetched.unavailable(
                Reason.UPSTREAM_ERROR, venue + " sent an answer we could not read", venue));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("venues")
  void jsonOfTheWrongShape_isAnUpstreamError(
      String venue, Function<VenueStub, ExchangeClient> factory) {
    Fetched<Ticker> ticker = tickerWhenServed(factory, okJson("{\"hello\":[1,2,3]}"));

    assertThat(((Fetched.Unavailable<Ticker>) ticker).reason()).isEqualTo(Reason.UPSTREAM_ERROR);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("venues")
  void slowAnswer_timesOut(String venue, Function<VenueStub, ExchangeClient> factory) {
    long delay = VenueStub.CALL_TIMEOUT.toMillis() * 3;
    Fetched<Ticker> ticker = tickerWhenServed(factory, okJson("{}").withFixedDelay((int) delay));

    assertThat(ticker)
        .isEqualTo(Fetched.unavailable(Reason.TIMEOUT, venue + " did not answer in time", venue));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("venues")
  void droppedConnection_isUnreachable(String venue, Function<VenueStub, ExchangeClient> factory) {
    Fetched<Ticker> ticker =
        tickerWhenServed(factory, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(ticker)
        .isEqualTo(
            Fetched.unavailable(Reason.UPSTREAM_ERROR, venue + " could not be reached", venue));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("venues")
  void failure_isMeteredAndNotRetriedAtOnce(
      String venue, Function<VenueStub, ExchangeClient> factory) {
    try (VenueStub stub = new VenueStub()) {
      stub.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));
      ExchangeClient client = factory.apply(stub);

      client.ticker(BTC).join();
      client.ticker(BTC).join();

      stub.server.verify(1, anyRequestedFor(anyUrl()));
      assertThat(stub.meteredCalls(venue, "rate_limited")).isEqualTo(1);
    }
  }
}
