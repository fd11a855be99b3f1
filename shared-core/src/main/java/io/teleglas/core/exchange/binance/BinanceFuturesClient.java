package io.teleglas.core.exchange.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.exchange.Amounts;
import io.teleglas.core.exchange.ExchangeClient;
import io.teleglas.core.exchange.Failures;
import io.teleglas.core.exchange.Fetches;
import io.teleglas.core.exchange.VenueHttp;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Binance USDⓈ-M futures ({@code fapi}) public market data, keyless. Instruments come from the
 * {@link InstrumentCatalog}, so PEPE is asked for as {@code 1000PEPEUSDT} and answered per coin.
 *
 * <p>Sources (market-apis §D.1): ticker {@code /fapi/v1/ticker/24hr}; funding {@code
 * /fapi/v1/premiumIndex} with the interval from {@code /fapi/v1/fundingInfo} or, for symbols it
 * does not list, from the last two settlements of {@code /fapi/v1/fundingRate}; open interest
 * {@code /fapi/v1/openInterest} (contracts) valued at the premium index's mark price; long/short
 * from the three {@code /futures/data/*LongShort*Ratio} tables (5-minute period); trades from
 * {@code /fapi/v1/aggTrades}. Cache lifetimes are listed on {@code BinanceEndpoints}.
 */
public final class BinanceFuturesClient implements ExchangeClient {
  static final String SOURCE = "Binance";
  private static final Duration PERIOD = Duration.ofMinutes(5);
  private static final int MAX_HISTORY_HOURS = 500;

  private final BinanceEndpoints endpoints;
  private final InstrumentCatalog catalog;

  /**
   * @param baseUri {@code BINANCE_FAPI_URL}, normally {@code https://fapi.binance.com}
   */
  public BinanceFuturesClient(
      URI baseUri,
      OkHttpClient http,
      ObjectMapper mapper,
      Clock clock,
      UpstreamMeter meter,
      InstrumentCatalog catalog) {
    HttpUrl base = HttpUrl.get(Objects.requireNonNull(baseUri, "baseUri is null").toString());
    VenueHttp venue = new VenueHttp(SOURCE, http, mapper, clock, meter, new BinanceErrors());
    this.endpoints = new BinanceEndpoints(base, venue);
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
  }

  @Override
  public Venue venue() {
    return Venue.BINANCE;
  }

  @Override
  public CompletableFuture<Fetched<Ticker>> ticker(Coin coin) {
    Instrument i = instrument(coin);
    return guarded(
        endpoints.ticker(i).thenApply(f -> Fetches.map(f, t -> BinanceAdapter.ticker(i, t))));
  }

  @Override
  public CompletableFuture<Fetched<FundingRate>> funding(Coin coin) {
    Instrument i = instrument(coin);
    return guarded(
        endpoints
            .premiumIndex(i)
            .thenCombine(
                fundingInterval(i),
                (premium, interval) ->
                    Fetches.combine(premium, interval, (p, d) -> BinanceAdapter.funding(i, p, d))));
  }

  @Override
  public CompletableFuture<Fetched<OpenInterest>> openInterest(Coin coin) {
    Instrument i = instrument(coin);
    return guarded(
        endpoints
            .openInterest(i)
            .thenCombine(
                endpoints.premiumIndex(i),
                (oi, premium) ->
                    Fetches.combine(oi, premium, (o, p) -> BinanceAdapter.openInterest(i, o, p))));
  }

  /**
   * Hourly open interest for the last {@code hours} hours, oldest first, for change windows ({@code
   * /futures/data/openInterestHist}, period 1h; Binance keeps about a month).
   *
   * @param hours 1 to 500
   */
  public CompletableFuture<Fetched<List<OpenInterest>>> openInterestHistory(Coin coin, int hours) {
    if (hours < 1 || hours > MAX_HISTORY_HOURS) {
      throw new IllegalArgumentException("hours must be 1.." + MAX_HISTORY_HOURS + ": " + hours);
    }
    Instrument i = instrument(coin);
    return guarded(
        endpoints
            .openInterestHistory(i, hours)
            .thenApply(
                f ->
                    Fetches.flatMap(
                        f,
                        v ->
                            v.value().isEmpty()
                                ? Failures.unknownSymbol(SOURCE, i.name())
                                : Fetched.value(
                                    BinanceAdapter.openInterestHistory(i, v.value()),
                                    SOURCE,
                                    v.asOf()))));
  }

  @Override
  public CompletableFuture<Fetched<LongShortRatio>> longShortRatio(
      Coin coin, LongShortRatio.Kind kind) {
    Instrument i = instrument(coin);
    Objects.requireNonNull(kind, "kind is null");
    return guarded(
        endpoints
            .ratio(i, kind, "5m")
            .thenApply(f -> Fetches.map(f, rows -> BinanceAdapter.ratio(i, kind, PERIOD, rows))));
  }

  @Override
  public CompletableFuture<Fetched<List<Trade>>> recentLargeTrades(Coin coin, double minUsd) {
    Amounts.requireMinUsd(minUsd);
    Instrument i = instrument(coin);
    return guarded(
        endpoints
            .aggTrades(i)
            .thenApply(f -> Fetches.map(f, rows -> BinanceAdapter.largeTrades(i, rows, minUsd))));
  }

  /** From {@code fundingInfo} if it lists the symbol, else from the funding history. */
  private CompletableFuture<Fetched<Duration>> fundingInterval(Instrument i) {
    return endpoints
        .fundingInfo()
        .thenCompose(
            info -> {
              if (info instanceof Fetched.Value<List<BinanceWire.FundingInfo>> v) {
                Optional<Duration> listed = BinanceAdapter.listedInterval(i.name(), v.value());
                if (listed.isPresent()) {
                  return CompletableFuture.completedFuture(
                      Fetched.value(listed.get(), SOURCE, v.asOf()));
                }
              }
              return endpoints
                  .fundingHistory(i)
                  .thenApply(
                      history ->
                          Fetches.flatMap(
                              history,
                              v ->
                                  BinanceAdapter.settledInterval(v.value())
                                      .map(d -> Fetched.value(d, SOURCE, v.asOf()))
                                      .orElseGet(() -> intervalUnknown(i))));
            });
  }

  private static Fetched<Duration> intervalUnknown(Instrument i) {
    return Fetched.unavailable(
        Fetched.Reason.UPSTREAM_ERROR,
        SOURCE + " does not say how often " + i.name() + " pays funding",
        SOURCE);
  }

  private Instrument instrument(Coin coin) {
    return catalog.instrument(Objects.requireNonNull(coin, "coin is null"), Venue.BINANCE);
  }

  private static <T> CompletableFuture<Fetched<T>> guarded(CompletableFuture<Fetched<T>> f) {
    return Fetches.guarded(f, SOURCE);
  }
}
