package io.teleglas.core.exchange.hyperliquid;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.exchange.Amounts;
import io.teleglas.core.exchange.ExchangeClient;
import io.teleglas.core.exchange.Failures;
import io.teleglas.core.exchange.Fetches;
import io.teleglas.core.exchange.VenueErrors;
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
import io.teleglas.core.upstream.FetchCache;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.UpstreamMeter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Hyperliquid perpetuals, keyless (market-apis §D.4). One {@code POST /info
 * {"type":"metaAndAssetCtxs"}} answer, covering every perpetual, serves ticker, funding and open
 * interest; it weighs 20 of the 1200 per minute an IP may spend, so it is cached 10 s and shared by
 * all coins. Hyperliquid publishes no long/short ratios; its public trades come only from the
 * WebSocket {@code trades} stream (the {@code recentTrades} info request is not in its
 * documentation), so both are {@link Fetched.Reason#NOT_OFFERED}.
 */
public final class HyperliquidClient implements ExchangeClient {
  static final String SOURCE = "Hyperliquid";
  static final Duration CONTEXTS_TTL = Duration.ofSeconds(10);
  private static final String ENDPOINT = "/info metaAndAssetCtxs";
  private static final Map<String, String> REQUEST = Map.of("type", "metaAndAssetCtxs");
  private static final TypeReference<HyperliquidWire.MetaAndAssetCtxs> CONTEXTS =
      new TypeReference<>() {};

  private final HttpUrl info;
  private final VenueHttp http;
  private final InstrumentCatalog catalog;
  private final FetchCache<String, HyperliquidWire.MetaAndAssetCtxs> contexts =
      new FetchCache<>(CONTEXTS_TTL, 1);

  /**
   * @param baseUri {@code HYPERLIQUID_API_URL}, normally {@code https://api.hyperliquid.xyz}
   */
  public HyperliquidClient(
      URI baseUri,
      OkHttpClient http,
      ObjectMapper mapper,
      Clock clock,
      UpstreamMeter meter,
      InstrumentCatalog catalog) {
    this.info =
        HttpUrl.get(Objects.requireNonNull(baseUri, "baseUri is null").toString())
            .newBuilder()
            .addPathSegment("info")
            .build();
    this.http = new VenueHttp(SOURCE, http, mapper, clock, meter, VenueErrors.NONE);
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
  }

  @Override
  public Venue venue() {
    return Venue.HYPERLIQUID;
  }

  @Override
  public CompletableFuture<Fetched<Ticker>> ticker(Coin coin) {
    return fromContext(coin, HyperliquidAdapter::ticker);
  }

  @Override
  public CompletableFuture<Fetched<FundingRate>> funding(Coin coin) {
    return fromContext(coin, HyperliquidAdapter::funding);
  }

  @Override
  public CompletableFuture<Fetched<OpenInterest>> openInterest(Coin coin) {
    return fromContext(coin, HyperliquidAdapter::openInterest);
  }

  @Override
  public CompletableFuture<Fetched<LongShortRatio>> longShortRatio(
      Coin coin, LongShortRatio.Kind kind) {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(kind, "kind is null");
    return CompletableFuture.completedFuture(Failures.notOffered(SOURCE, "long/short ratios"));
  }

  @Override
  public CompletableFuture<Fetched<List<Trade>>> recentLargeTrades(Coin coin, double minUsd) {
    Objects.requireNonNull(coin, "coin is null");
    Amounts.requireMinUsd(minUsd);
    return CompletableFuture.completedFuture(
        Failures.notOffered(SOURCE, "recent trades over REST"));
  }

  private <T> CompletableFuture<Fetched<T>> fromContext(Coin coin, ContextReading<T> reading) {
    Instrument i =
        catalog.instrument(Objects.requireNonNull(coin, "coin is null"), Venue.HYPERLIQUID);
    CompletableFuture<Fetched<HyperliquidWire.MetaAndAssetCtxs>> answer =
        contexts.get(ENDPOINT, k -> http.post(ENDPOINT, i.name(), info, REQUEST, CONTEXTS));
    return Fetches.guarded(
        answer.thenApply(
            f ->
                Fetches.flatMap(
                    f,
                    v ->
                        HyperliquidAdapter.context(v.value(), i.name())
                            .<Fetched<T>>map(
                                ctx ->
                                    Fetched.value(
                                        reading.apply(i, ctx, v.asOf()), SOURCE, v.asOf()))
                            .orElseGet(() -> Failures.unknownSymbol(SOURCE, i.name())))),
        SOURCE);
  }

  @FunctionalInterface
  private interface ContextReading<T> {
    T apply(Instrument instrument, HyperliquidWire.AssetCtx ctx, Instant time);
  }
}
