package io.teleglas.core.exchange.bybit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.exchange.Amounts;
import io.teleglas.core.exchange.ExchangeClient;
import io.teleglas.core.exchange.Failures;
import io.teleglas.core.exchange.Fetches;
import io.teleglas.core.exchange.VenueHttp;
import io.teleglas.core.exchange.Wire;
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
import io.teleglas.core.upstream.FetchCache;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.UpstreamMeter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Bybit v5 linear perpetuals, keyless. One {@code /v5/market/tickers} answer serves ticker, funding
 * and open interest; long/short comes from {@code /v5/market/account-ratio} (share of users net
 * long, 5-minute period; Bybit publishes no top-trader figures) and trades from {@code
 * /v5/market/recent-trade} (the latest 1000). Cache lifetimes: trades 5 s, tickers 10 s, account
 * ratio 30 s.
 */
public final class BybitClient implements ExchangeClient {
  static final String SOURCE = "Bybit";
  static final Duration TRADES_TTL = Duration.ofSeconds(5);
  static final Duration TICKER_TTL = Duration.ofSeconds(10);
  static final Duration RATIO_TTL = Duration.ofSeconds(30);
  private static final Duration PERIOD = Duration.ofMinutes(5);
  private static final long MAX_ENTRIES = 1_000;

  private static final TypeReference<BybitWire.Envelope<BybitWire.Ticker>> TICKERS =
      new TypeReference<>() {};
  private static final TypeReference<BybitWire.Envelope<BybitWire.AccountRatio>> RATIOS =
      new TypeReference<>() {};
  private static final TypeReference<BybitWire.Envelope<BybitWire.Trade>> TRADES =
      new TypeReference<>() {};

  private final HttpUrl base;
  private final VenueHttp http;
  private final InstrumentCatalog catalog;
  private final FetchCache<String, BybitWire.Envelope<BybitWire.Ticker>> tickers =
      new FetchCache<>(TICKER_TTL, MAX_ENTRIES);
  private final FetchCache<String, BybitWire.Envelope<BybitWire.AccountRatio>> ratios =
      new FetchCache<>(RATIO_TTL, MAX_ENTRIES);
  private final FetchCache<String, BybitWire.Envelope<BybitWire.Trade>> trades =
      new FetchCache<>(TRADES_TTL, MAX_ENTRIES);

  /**
   * @param baseUri {@code BYBIT_API_URL}, normally {@code https://api.bybit.com}
   */
  public BybitClient(
      URI baseUri,
      OkHttpClient http,
      ObjectMapper mapper,
      Clock clock,
      UpstreamMeter meter,
      InstrumentCatalog catalog) {
    this.base = HttpUrl.get(Objects.requireNonNull(baseUri, "baseUri is null").toString());
    this.http = new VenueHttp(SOURCE, http, mapper, clock, meter, new BybitErrors());
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
  }

  @Override
  public Venue venue() {
    return Venue.BYBIT;
  }

  @Override
  public CompletableFuture<Fetched<Ticker>> ticker(Coin coin) {
    return fromTicker(coin, BybitAdapter::ticker);
  }

  @Override
  public CompletableFuture<Fetched<FundingRate>> funding(Coin coin) {
    return fromTicker(coin, BybitAdapter::funding);
  }

  @Override
  public CompletableFuture<Fetched<OpenInterest>> openInterest(Coin coin) {
    return fromTicker(coin, BybitAdapter::openInterest);
  }

  @Override
  public CompletableFuture<Fetched<LongShortRatio>> longShortRatio(
      Coin coin, LongShortRatio.Kind kind) {
    Instrument i = instrument(coin);
    if (Objects.requireNonNull(kind, "kind is null") != LongShortRatio.Kind.GLOBAL_ACCOUNTS) {
      return CompletableFuture.completedFuture(
          Failures.notOffered(SOURCE, "top-trader long/short ratios"));
    }
    CompletableFuture<Fetched<BybitWire.Envelope<BybitWire.AccountRatio>>> rows =
        ratios.get(
            i.name(),
            s -> get("v5/market/account-ratio", s, RATIOS, "period", "5min", "limit", "1"));
    return guarded(
        rows.thenApply(f -> Fetches.map(f, e -> BybitAdapter.accountRatio(i, PERIOD, list(e)))));
  }

  @Override
  public CompletableFuture<Fetched<List<Trade>>> recentLargeTrades(Coin coin, double minUsd) {
    Amounts.requireMinUsd(minUsd);
    Instrument i = instrument(coin);
    CompletableFuture<Fetched<BybitWire.Envelope<BybitWire.Trade>>> rows =
        trades.get(i.name(), s -> get("v5/market/recent-trade", s, TRADES, "limit", "1000"));
    return guarded(
        rows.thenApply(f -> Fetches.map(f, e -> BybitAdapter.largeTrades(i, list(e), minUsd))));
  }

  private <T> CompletableFuture<Fetched<T>> fromTicker(Coin coin, TickerReading<T> reading) {
    Instrument i = instrument(coin);
    CompletableFuture<Fetched<BybitWire.Envelope<BybitWire.Ticker>>> answer =
        tickers.get(i.name(), s -> get("v5/market/tickers", s, TICKERS));
    return guarded(
        answer.thenApply(
            f ->
                Fetches.flatMap(
                    f,
                    v -> {
                      List<BybitWire.Ticker> rows = list(v.value());
                      if (rows.isEmpty()) {
                        return Failures.unknownSymbol(SOURCE, i.name());
                      }
                      Instant time = Wire.instant(v.value().time(), "time");
                      return Fetched.value(reading.apply(i, rows.get(0), time), SOURCE, v.asOf());
                    })));
  }

  @FunctionalInterface
  private interface TickerReading<T> {
    T apply(Instrument instrument, BybitWire.Ticker ticker, Instant time);
  }

  /** GETs a linear-category endpoint for the symbol, with extra parameters as name, value. */
  private <D> CompletableFuture<Fetched<D>> get(
      String path, String symbol, TypeReference<D> type, String... params) {
    HttpUrl.Builder url =
        base.newBuilder()
            .addPathSegments(path)
            .addQueryParameter("category", "linear")
            .addQueryParameter("symbol", symbol);
    for (int n = 0; n + 1 < params.length; n += 2) {
      url.addQueryParameter(params[n], params[n + 1]);
    }
    return http.get("/" + path, symbol, url.build(), type);
  }

  private static <T> List<T> list(BybitWire.Envelope<T> envelope) {
    if (envelope.result() == null || envelope.result().list() == null) {
      throw new WireFormatException("missing result.list");
    }
    return envelope.result().list();
  }

  private Instrument instrument(Coin coin) {
    return catalog.instrument(Objects.requireNonNull(coin, "coin is null"), Venue.BYBIT);
  }

  private static <T> CompletableFuture<Fetched<T>> guarded(CompletableFuture<Fetched<T>> f) {
    return Fetches.guarded(f, SOURCE);
  }
}
