package io.teleglas.core.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.exchange.Amounts;
import io.teleglas.core.exchange.ExchangeClient;
import io.teleglas.core.exchange.Failures;
import io.teleglas.core.exchange.Fetches;
import io.teleglas.core.exchange.VenueHttp;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.market.Trade;
import io.teleglas.core.market.Venue;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.UpstreamMeter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * OKX v5 USDT-margined perpetual swaps ({@code BTC-USDT-SWAP}), keyless (market-apis §D.3). Ticker
 * {@code /api/v5/market/ticker}; funding {@code /api/v5/public/funding-rate} (interval from {@code
 * fundingTime} to {@code nextFundingTime}); open interest {@code /api/v5/public/open-interest}
 * ({@code oiUsd}); long/short {@code
 * /api/v5/rubik/stat/contracts/long-short-account-ratio-contract} (all accounts, 5 minutes; OKX's
 * top-trader tables are not read); trades {@code /api/v5/market/trades}, whose sizes are contracts
 * converted to coins with the contract value from {@code /api/v5/public/instruments}. Cache
 * lifetimes are listed on {@code OkxEndpoints}.
 */
public final class OkxClient implements ExchangeClient {
  static final String SOURCE = "OKX";
  private static final Duration PERIOD = Duration.ofMinutes(5);

  private final OkxEndpoints endpoints;
  private final InstrumentCatalog catalog;

  /**
   * @param baseUri {@code OKX_API_URL}, normally {@code https://www.okx.com}
   */
  public OkxClient(
      URI baseUri,
      OkHttpClient http,
      ObjectMapper mapper,
      Clock clock,
      UpstreamMeter meter,
      InstrumentCatalog catalog) {
    HttpUrl base = HttpUrl.get(Objects.requireNonNull(baseUri, "baseUri is null").toString());
    this.endpoints =
        new OkxEndpoints(base, new VenueHttp(SOURCE, http, mapper, clock, meter, new OkxErrors()));
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
  }

  @Override
  public Venue venue() {
    return Venue.OKX;
  }

  @Override
  public CompletableFuture<Fetched<Ticker>> ticker(Coin coin) {
    Instrument i = instrument(coin);
    return guarded(endpoints.ticker(i).thenApply(f -> first(f, i, t -> OkxAdapter.ticker(i, t))));
  }

  @Override
  public CompletableFuture<Fetched<FundingRate>> funding(Coin coin) {
    Instrument i = instrument(coin);
    return guarded(endpoints.funding(i).thenApply(f -> first(f, i, r -> OkxAdapter.funding(i, r))));
  }

  @Override
  public CompletableFuture<Fetched<OpenInterest>> openInterest(Coin coin) {
    Instrument i = instrument(coin);
    return guarded(
        endpoints
            .openInterest(i)
            .thenApply(f -> first(f, i, oi -> OkxAdapter.openInterest(i, oi))));
  }

  @Override
  public CompletableFuture<Fetched<LongShortRatio>> longShortRatio(
      Coin coin, LongShortRatio.Kind kind) {
    Instrument i = instrument(coin);
    Objects.requireNonNull(kind, "kind is null");
    return guarded(
        endpoints
            .ratio(i, kind, "5m")
            .thenApply(f -> Fetches.map(f, e -> OkxAdapter.ratio(i, kind, PERIOD, data(e)))));
  }

  @Override
  public CompletableFuture<Fetched<List<Trade>>> recentLargeTrades(Coin coin, double minUsd) {
    Amounts.requireMinUsd(minUsd);
    Instrument i = instrument(coin);
    CompletableFuture<Fetched<Double>> contractSize =
        endpoints.contract(i).thenApply(f -> first(f, i, c -> OkxAdapter.coinsPerContract(i, c)));
    return guarded(
        contractSize.thenCompose(
            size ->
                size.isAvailable()
                    ? endpoints
                        .trades(i)
                        .thenApply(
                            trades ->
                                Fetches.combine(
                                    size,
                                    trades,
                                    (coins, e) ->
                                        OkxAdapter.largeTrades(i, coins, data(e), minUsd)))
                    : CompletableFuture.completedFuture(
                        ((Fetched.Unavailable<Double>) size).retype())));
  }

  /** The envelope's single row converted; no row means OKX does not list the instrument. */
  private static <T, R> Fetched<R> first(
      Fetched<OkxWire.Envelope<T>> fetched, Instrument i, Function<T, R> convert) {
    return Fetches.flatMap(
        fetched,
        v -> {
          List<T> rows = data(v.value());
          return rows.isEmpty()
              ? Failures.unknownSymbol(SOURCE, i.name())
              : Fetched.value(convert.apply(rows.get(0)), v.source(), v.asOf());
        });
  }

  private static <T> List<T> data(OkxWire.Envelope<T> envelope) {
    if (envelope.data() == null) {
      throw new WireFormatException("missing data");
    }
    return envelope.data();
  }

  private Instrument instrument(Coin coin) {
    return catalog.instrument(Objects.requireNonNull(coin, "coin is null"), Venue.OKX);
  }

  private static <T> CompletableFuture<Fetched<T>> guarded(CompletableFuture<Fetched<T>> f) {
    return Fetches.guarded(f, SOURCE);
  }
}
