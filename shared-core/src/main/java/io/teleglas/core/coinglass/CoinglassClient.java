package io.teleglas.core.coinglass;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.teleglas.core.config.Secret;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.upstream.FetchCache;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The CoinGlass API v4 client: one typed, asynchronous method per figure the bots show.
 *
 * <p><b>Outcomes.</b> Every method returns a future that always completes normally, never
 * exceptionally, with a {@link Fetched.Value} or a {@link Fetched.Unavailable} whose reason says
 * why: {@code PLAN} ("needs CoinGlass Standard plan", from the endpoint matrix, also when CoinGlass
 * answers "Upgrade plan" with HTTP 200), {@code RATE_LIMITED} (CoinGlass's 429, or our own budget
 * spent), {@code NO_API_KEY} (CoinGlass rejected the key: callers should treat it like having no
 * key), {@code TIMEOUT}, {@code UPSTREAM_ERROR} (5xx, unreadable JSON, rows without required
 * fields), {@code UNKNOWN_SYMBOL} (no rows for the coin) and {@code NOT_OFFERED} (a window or
 * interval the endpoint lacks). Details are short, user-presentable, and never contain the key or
 * CoinGlass's raw answer.
 *
 * <p><b>Units.</b> Prices in USD per coin, sizes in coins, changes in percent as CoinGlass sends
 * them; funding rates are fractions per interval, converted from CoinGlass's percent (an inference
 * from magnitudes, see {@link CoinglassAdapter}); long/short shares are 0..1.
 *
 * <p><b>Caching.</b> Each endpoint has a {@link FetchCache} with a TTL matched to CoinGlass's
 * update frequency: pairs-markets 10 s, coins-markets 15 s, coins-price-change 10 s, open-interest
 * exchange list 10 s, funding exchange list 20 s, liquidation exchange list 10 s, liquidation
 * orders 1 s, long/short histories 30 s, taker exchange list 5 s, whale alerts 5 s, whale positions
 * 10 s, RSI list 10 s. Concurrent identical requests share one upstream call; endpoints that list
 * every coin (funding, RSI, price change) are fetched once for all coins.
 *
 * <p><b>Budget.</b> Calls that reach CoinGlass first take a token from the {@link
 * CoinglassRateLimiter}; cache hits cost nothing. {@link #budget()} and {@link #cacheStats()} are
 * for {@code /status}.
 *
 * <p><b>Without a key</b> there is no client: {@code Main} builds one only when a CoinGlass key is
 * configured, and callers fall back to the keyless exchange clients, showing {@link #withoutKey()}
 * for figures only CoinGlass has.
 *
 * <p>Thread-safe; results complete on OkHttp's dispatcher threads (or the caller's, for cache hits
 * and budget refusals), so callers must not block in their continuations. Holds no resources of its
 * own: the OkHttpClient belongs to the caller.
 */
public final class CoinglassClient {
  /** Coins per page of coins-markets; CoinGlass honours 100 (TELEGLAS used it). */
  static final int COINS_PER_PAGE = 100;

  /** How many coins-markets pages {@link #coinMarket} reads at most while looking for a coin. */
  static final int MAX_COIN_PAGES = 10;

  private static final String ALL = "all";
  private static final Set<Window> LIQUIDATION_RANGES =
      EnumSet.of(Window.H1, Window.H4, Window.H12, Window.H24);
  private static final Set<Window> TAKER_RANGES = EnumSet.range(Window.M5, Window.H24);

  private final URI baseUrl;
  private final ObjectMapper mapper;
  private final CoinglassRateLimiter limiter;
  private final CoinglassHttp http;
  private final CoinglassAdapter adapter;
  private final Clock clock;
  private final List<FetchCache<?, ?>> caches = new ArrayList<>();

  private final FetchCache<Coin, List<PairMarket>> pairMarkets;
  private final FetchCache<Integer, List<CoinMarket>> coinMarkets;
  private final FetchCache<String, List<PriceChanges>> priceChanges;
  private final FetchCache<Coin, OpenInterestByExchange> openInterest;
  private final FetchCache<String, List<CoinFundingRates>> funding;
  private final FetchCache<LiquidationKey, ExchangeLiquidations> liquidations;
  private final FetchCache<OrderKey, List<Liquidation>> liquidationOrders;
  private final FetchCache<RatioKey, LongShortRatio> ratios;
  private final FetchCache<TakerKey, TakerVolume> taker;
  private final FetchCache<String, List<WhaleAlert>> whaleAlerts;
  private final FetchCache<String, List<WhalePosition>> whalePositions;
  private final FetchCache<String, List<RsiValues>> rsi;

  private record LiquidationKey(Optional<Coin> coin, Window range) {}

  private record OrderKey(Exchange exchange, Coin coin, double minUsd) {}

  private record RatioKey(
      LongShortRatio.Kind kind, Exchange exchange, Coin coin, String pair, Duration interval) {}

  private record TakerKey(Coin coin, Window range) {}

  private CoinglassClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.mapper = b.objectMapper;
    this.limiter =
        b.rateLimiter != null
            ? b.rateLimiter
            : CoinglassRateLimiter.forPlan(Plan.HOBBYIST, b.clock);
    this.clock = b.clock;
    this.http =
        new CoinglassHttp(
            HttpUrl.get(b.baseUrl),
            b.apiKey,
            b.okHttpClient,
            b.objectMapper,
            b.clock,
            b.meter,
            limiter,
            b.callTimeout);
    this.adapter = new CoinglassAdapter(b.instruments, b.liquidationSides);
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(b.clock.millis());
    this.pairMarkets = cache(Endpoint.PAIRS_MARKETS, ticker);
    this.coinMarkets = cache(Endpoint.COINS_MARKETS, ticker);
    this.priceChanges = cache(Endpoint.COINS_PRICE_CHANGE, ticker);
    this.openInterest = cache(Endpoint.OPEN_INTEREST_EXCHANGES, ticker);
    this.funding = cache(Endpoint.FUNDING_EXCHANGES, ticker);
    this.liquidations = cache(Endpoint.LIQUIDATION_EXCHANGES, ticker);
    this.liquidationOrders = cache(Endpoint.LIQUIDATION_ORDERS, ticker);
    this.ratios = cache(Endpoint.GLOBAL_ACCOUNT_RATIO, ticker);
    this.taker = cache(Endpoint.TAKER_EXCHANGES, ticker);
    this.whaleAlerts = cache(Endpoint.WHALE_ALERTS, ticker);
    this.whalePositions = cache(Endpoint.WHALE_POSITIONS, ticker);
    this.rsi = cache(Endpoint.RSI_LIST, ticker);
  }

  private <K, V> FetchCache<K, V> cache(Endpoint endpoint, Ticker ticker) {
    FetchCache<K, V> cache = new FetchCache<>(endpoint.ttl(), 1_000, ticker);
    caches.add(cache);
    return cache;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** What to show for a CoinGlass-only figure when no key is configured. */
  public static <T> Fetched<T> withoutKey() {
    return Fetched.unavailable(
        Fetched.Reason.NO_API_KEY, "no CoinGlass API key configured", Refusals.SOURCE);
  }

  /**
   * Every futures pair of {@code coin} with price, 24 h change and volume, open interest, funding
   * and 24 h liquidations per exchange ({@code /api/futures/pairs-markets}, all plans).
   */
  public CompletableFuture<Fetched<List<PairMarket>>> pairMarkets(Coin coin) {
    Objects.requireNonNull(coin, "coin is null");
    Query query = Query.of(Endpoint.PAIRS_MARKETS).with("symbol", coin.symbol());
    return pairMarkets.get(
        coin,
        k ->
            http.get(
                query,
                list(
                    CoinglassWire.PairMarket.class,
                    (rows, at) -> adapter.pairMarkets(rows, coin, at))));
  }

  /**
   * One page of {@value #COINS_PER_PAGE} coins from {@code /api/futures/coins-markets} (Standard
   * plan and up), largest first; an empty list past the last page.
   */
  public CompletableFuture<Fetched<List<CoinMarket>>> coinMarkets(int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1: " + page);
    }
    Query query =
        Query.of(Endpoint.COINS_MARKETS)
            .with("per_page", Integer.toString(COINS_PER_PAGE))
            .with("page", Integer.toString(page));
    return coinMarkets.get(
        page, k -> http.get(query, list(CoinglassWire.CoinMarket.class, adapter::coinMarkets)));
  }

  /**
   * {@code coin} across all exchanges, looked up page by page in coins-markets (CoinGlass has no
   * symbol filter there), up to {@value #MAX_COIN_PAGES} pages.
   */
  public CompletableFuture<Fetched<CoinMarket>> coinMarket(Coin coin) {
    Objects.requireNonNull(coin, "coin is null");
    return coinMarketFrom(coin, 1);
  }

  private CompletableFuture<Fetched<CoinMarket>> coinMarketFrom(Coin coin, int page) {
    return coinMarkets(page)
        .thenCompose(
            fetched -> {
              if (!(fetched instanceof Fetched.Value<List<CoinMarket>> value)) {
                return CompletableFuture.completedFuture(
                    ((Fetched.Unavailable<List<CoinMarket>>) fetched).retype());
              }
              Optional<CoinMarket> found =
                  value.value().stream().filter(m -> m.coin().equals(coin)).findFirst();
              if (found.isPresent()) {
                return CompletableFuture.completedFuture(fetched.map(list -> found.get()));
              }
              if (value.value().size() < COINS_PER_PAGE || page >= MAX_COIN_PAGES) {
                return CompletableFuture.completedFuture(CoinglassAdapter.unknown(coin.symbol()));
              }
              return coinMarketFrom(coin, page + 1);
            });
  }

  /** Every coin's price changes ({@code /api/futures/coins-price-change}, Standard plan and up). */
  public CompletableFuture<Fetched<List<PriceChanges>>> priceChanges() {
    Query query = Query.of(Endpoint.COINS_PRICE_CHANGE);
    return priceChanges.get(
        ALL, k -> http.get(query, list(CoinglassWire.PriceChange.class, adapter::priceChanges)));
  }

  /** {@code coin}'s price changes and amplitudes over 5m to 24h (Standard plan and up). */
  public CompletableFuture<Fetched<PriceChanges>> priceChanges(Coin coin) {
    return priceChanges().thenApply(f -> pick(f, coin, PriceChanges::coin));
  }

  /**
   * {@code coin}'s open interest per exchange with 5m to 24h changes ({@code
   * /api/futures/open-interest/exchange-list}, all plans).
   */
  public CompletableFuture<Fetched<OpenInterestByExchange>> openInterestByExchange(Coin coin) {
    Objects.requireNonNull(coin, "coin is null");
    Query query = Query.of(Endpoint.OPEN_INTEREST_EXCHANGES).with("symbol", coin.symbol());
    return openInterest.get(
        coin,
        k ->
            http.get(
                query,
                list(
                    CoinglassWire.ExchangeOpenInterest.class,
                    (rows, at) -> adapter.openInterest(rows, coin, at))));
  }

  /**
   * {@code coin}'s current funding on each exchange, stablecoin- and coin-margined, with interval
   * and next funding time ({@code /api/futures/funding-rate/exchange-list}, all plans). One answer
   * lists every coin, so all coins share one cached request.
   */
  public CompletableFuture<Fetched<CoinFundingRates>> fundingRates(Coin coin) {
    Objects.requireNonNull(coin, "coin is null");
    return allFundingRates().thenApply(f -> pick(f, coin, CoinFundingRates::coin));
  }

  /**
   * The {@code perSide} coins with the highest and the lowest stablecoin-margined funding, for
   * {@code /funding} without a symbol; only {@code exchanges} count, or every exchange when empty.
   */
  public CompletableFuture<Fetched<FundingExtremes>> fundingExtremes(
      int perSide, Set<Exchange> exchanges) {
    if (perSide < 1) {
      throw new IllegalArgumentException("perSide must be >= 1: " + perSide);
    }
    Set<Exchange> only = Set.copyOf(exchanges);
    return allFundingRates()
        .thenApply(f -> f.map(coins -> CoinglassAdapter.extremes(coins, perSide, only)));
  }

  private CompletableFuture<Fetched<List<CoinFundingRates>>> allFundingRates() {
    Query query = Query.of(Endpoint.FUNDING_EXCHANGES);
    return funding.get(
        ALL, k -> http.get(query, list(CoinglassWire.CoinFunding.class, adapter::fundingRates)));
  }

  /**
   * {@code coin}'s long and short liquidations per exchange over {@code range}: 1h, 4h, 12h or 24h
   * ({@code /api/futures/liquidation/exchange-list}, all plans).
   */
  public CompletableFuture<Fetched<ExchangeLiquidations>> liquidationsByExchange(
      Coin coin, Window range) {
    return liquidations(Optional.of(Objects.requireNonNull(coin, "coin is null")), range);
  }

  /** All coins' liquidations per exchange over {@code range} (1h, 4h, 12h or 24h). */
  public CompletableFuture<Fetched<ExchangeLiquidations>> liquidationsByExchange(Window range) {
    return liquidations(Optional.empty(), range);
  }

  private CompletableFuture<Fetched<ExchangeLiquidations>> liquidations(
      Optional<Coin> coin, Window range) {
    if (!LIQUIDATION_RANGES.contains(Objects.requireNonNull(range, "range is null"))) {
      return notOffered("liquidations", LIQUIDATION_RANGES);
    }
    Query query =
        Query.of(Endpoint.LIQUIDATION_EXCHANGES)
            .with("symbol", coin.map(Coin::symbol).orElse(""))
            .with("range", range.code());
    return liquidations.get(
        new LiquidationKey(coin, range),
        k ->
            http.get(
                query,
                list(
                    CoinglassWire.ExchangeLiquidation.class,
                    (rows, at) -> adapter.liquidations(rows, coin, range, at))));
  }

  /**
   * Liquidation orders of the last 7 days on one exchange, at least {@code minUsd} each, newest
   * first, at most 200 ({@code /api/futures/liquidation/order}, Standard plan and up). The side of
   * each follows the configured {@link LiquidationSideCode} (CoinGlass's code is ambiguous).
   */
  public CompletableFuture<Fetched<List<Liquidation>>> liquidationOrders(
      Exchange exchange, Coin coin, double minUsd) {
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(coin, "coin is null");
    if (!(minUsd >= 0) || Double.isInfinite(minUsd)) {
      throw new IllegalArgumentException("minUsd must be a finite number >= 0: " + minUsd);
    }
    Query query =
        Query.of(Endpoint.LIQUIDATION_ORDERS)
            .with("exchange", exchange.name())
            .with("symbol", coin.symbol())
            .with("min_liquidation_amount", plain(minUsd));
    return liquidationOrders.get(
        new OrderKey(exchange, coin, minUsd),
        k ->
            http.get(
                query,
                list(
                    CoinglassWire.LiquidationOrder.class,
                    (rows, at) -> adapter.liquidationOrders(rows, coin, at))));
  }

  /**
   * The latest long/short bucket of one pair on one exchange ({@code
   * /api/futures/global-long-short-account-ratio/history}, {@code top-long-short-account-ratio} or
   * {@code top-long-short-position-ratio} by {@code kind}; all plans, but intervals under 4h need
   * Startup and under 30m Standard).
   *
   * @param pair the exchange's pair as CoinGlass names it, such as {@code BTCUSDT} (the {@code
   *     instrument_id} of {@link PairMarket})
   * @param interval one of 1m, 3m, 5m, 15m, 30m, 1h, 4h, 6h, 8h, 12h, 1d, 1w
   */
  public CompletableFuture<Fetched<LongShortRatio>> longShortRatio(
      LongShortRatio.Kind kind, Exchange exchange, Coin coin, String pair, Duration interval) {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(pair, "pair is null");
    Optional<String> code =
        RatioIntervals.code(Objects.requireNonNull(interval, "interval is null"));
    if (code.isEmpty()) {
      return CompletableFuture.completedFuture(
          Fetched.unavailable(
              Fetched.Reason.NOT_OFFERED,
              "CoinGlass offers long/short intervals " + RatioIntervals.CODES + " only",
              Refusals.SOURCE));
    }
    Endpoint endpoint =
        switch (kind) {
          case GLOBAL_ACCOUNTS -> Endpoint.GLOBAL_ACCOUNT_RATIO;
          case TOP_TRADER_ACCOUNTS -> Endpoint.TOP_ACCOUNT_RATIO;
          case TOP_TRADER_POSITIONS -> Endpoint.TOP_POSITION_RATIO;
        };
    Query query =
        Query.of(endpoint)
            .needing(RatioIntervals.planFor(interval))
            .with("exchange", exchange.name())
            .with("symbol", pair)
            .with("interval", code.get())
            .with(
                "start_time",
                Long.toString(clock.instant().minus(interval.multipliedBy(3)).toEpochMilli()));
    return ratios.get(
        new RatioKey(kind, exchange, coin, pair, interval),
        k ->
            http.get(
                query,
                list(
                    CoinglassWire.RatioBucket.class,
                    (rows, at) ->
                        adapter.longShortRatio(rows, kind, exchange, coin, interval, at))));
  }

  /**
   * Taker buy and sell volume of {@code coin} over exactly {@code range} (5m to 24h), in total and
   * per exchange ({@code /api/futures/taker-buy-sell-volume/exchange-list}, all plans).
   */
  public CompletableFuture<Fetched<TakerVolume>> takerVolume(Coin coin, Window range) {
    Objects.requireNonNull(coin, "coin is null");
    if (!TAKER_RANGES.contains(Objects.requireNonNull(range, "range is null"))) {
      return notOffered("taker volume", TAKER_RANGES);
    }
    Query query =
        Query.of(Endpoint.TAKER_EXCHANGES)
            .with("symbol", coin.symbol())
            .with("range", range.code());
    return taker.get(
        new TakerKey(coin, range),
        k ->
            http.get(
                query,
                (data, at) ->
                    adapter.takerVolume(
                        mapper.treeToValue(data, CoinglassWire.TakerVolume.class),
                        coin,
                        range,
                        at)));
  }

  /**
   * The ~200 latest Hyperliquid positions over $1M opened or closed, newest first ({@code
   * /api/hyperliquid/whale-alert}, Startup plan and up).
   */
  public CompletableFuture<Fetched<List<WhaleAlert>>> whaleAlerts() {
    Query query = Query.of(Endpoint.WHALE_ALERTS);
    return whaleAlerts.get(
        ALL, k -> http.get(query, list(CoinglassWire.WhaleAlert.class, adapter::whaleAlerts)));
  }

  /** Open Hyperliquid positions over $1M ({@code /api/hyperliquid/whale-position}, Startup+). */
  public CompletableFuture<Fetched<List<WhalePosition>>> whalePositions() {
    Query query = Query.of(Endpoint.WHALE_POSITIONS);
    return whalePositions.get(
        ALL,
        k -> http.get(query, list(CoinglassWire.WhalePosition.class, adapter::whalePositions)));
  }

  /**
   * {@code coin}'s RSI on 15m, 1h, 4h, 12h, 24h and 1w ({@code /api/futures/rsi/list}, Standard
   * plan and up). One answer lists every coin, so all coins share one cached request.
   */
  public CompletableFuture<Fetched<RsiValues>> rsi(Coin coin) {
    Objects.requireNonNull(coin, "coin is null");
    Query query = Query.of(Endpoint.RSI_LIST);
    return rsi.get(ALL, k -> http.get(query, list(CoinglassWire.CoinRsi.class, adapter::rsi)))
        .thenApply(f -> pick(f, coin, RsiValues::coin));
  }

  /** The request budget: limit per minute, used, remaining. */
  public CoinglassRateLimiter.Budget budget() {
    return limiter.budget();
  }

  /** Hits and misses of all endpoint caches together. */
  public CacheStats cacheStats() {
    return caches.stream().map(FetchCache::stats).reduce(CacheStats.empty(), CacheStats::plus);
  }

  @Override
  public String toString() {
    return "CoinglassClient[baseUrl=" + baseUrl + ", apiKey=" + Secret.REDACTED + "]";
  }

  private <W, R> CoinglassHttp.Decoder<R> list(
      Class<W> row, BiFunction<List<W>, Instant, Fetched<R>> adapt) {
    JavaType type = mapper.getTypeFactory().constructCollectionType(List.class, row);
    return (JsonNode data, Instant at) -> {
      if (!data.isArray()) {
        throw new IOException("data is not an array");
      }
      List<W> rows = mapper.readerFor(type).readValue(data);
      return adapt.apply(rows, at);
    };
  }

  private static <T> Fetched<T> pick(Fetched<List<T>> all, Coin coin, Function<T, Coin> coinOf) {
    if (all instanceof Fetched.Value<List<T>> v) {
      Optional<T> found = v.value().stream().filter(t -> coinOf.apply(t).equals(coin)).findFirst();
      return found.isPresent()
          ? Fetched.value(found.get(), v.source(), v.asOf())
          : CoinglassAdapter.unknown(coin.symbol());
    }
    return ((Fetched.Unavailable<List<T>>) all).retype();
  }

  private static <T> CompletableFuture<Fetched<T>> notOffered(String what, Set<Window> offered) {
    List<String> codes = offered.stream().map(Window::code).toList();
    return CompletableFuture.completedFuture(
        Fetched.unavailable(
            Fetched.Reason.NOT_OFFERED,
            "CoinGlass offers " + what + " for " + String.join(", ", codes) + " only",
            Refusals.SOURCE));
  }

  private static String plain(double usd) {
    return usd == Math.rint(usd)
        ? Long.toString((long) usd)
        : String.format(Locale.ROOT, "%.2f", usd);
  }

  /**
   * Builds a {@link CoinglassClient}; base URL, key, OkHttpClient, mapper and meter are required.
   */
  public static final class Builder {
    private URI baseUrl;
    private Secret apiKey;
    private OkHttpClient okHttpClient;
    private ObjectMapper objectMapper;
    private Clock clock = Clock.systemUTC();
    private UpstreamMeter meter;
    private CoinglassRateLimiter rateLimiter;
    private Duration callTimeout = Duration.ofSeconds(10);
    private InstrumentCatalog instruments;
    private LiquidationSideCode liquidationSides = LiquidationSideCode.AS_WEBSOCKET;

    private Builder() {}

    /** CoinGlass's REST base, {@code https://open-api-v4.coinglass.com} in production. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl is null");
      return this;
    }

    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey is null");
      return this;
    }

    /** The process's one OkHttpClient; the per-call timeout is set on each call. */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient is null");
      return this;
    }

    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper is null");
      return this;
    }

    /** Time for cache expiry, the rate limiter's default bucket and {@code asOf}; default UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock is null");
      return this;
    }

    public Builder meter(UpstreamMeter meter) {
      this.meter = Objects.requireNonNull(meter, "meter is null");
      return this;
    }

    /** The request budget; default a Hobbyist bucket (30 per minute) on the builder's clock. */
    public Builder rateLimiter(CoinglassRateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter is null");
      return this;
    }

    /** Bound on a whole call, connect to last byte; default 10 s. */
    public Builder callTimeout(Duration callTimeout) {
      Objects.requireNonNull(callTimeout, "callTimeout is null");
      if (callTimeout.isNegative() || callTimeout.isZero()) {
        throw new IllegalArgumentException("callTimeout must be > 0: " + callTimeout);
      }
      this.callTimeout = callTimeout;
      return this;
    }

    /** Resolves multiplier contracts ({@code kPEPE}); default {@link InstrumentCatalog#bundled}. */
    public Builder instruments(InstrumentCatalog instruments) {
      this.instruments = Objects.requireNonNull(instruments, "instruments is null");
      return this;
    }

    /**
     * How to read liquidation orders' side codes; default {@link LiquidationSideCode#AS_WEBSOCKET}.
     */
    public Builder liquidationSides(LiquidationSideCode liquidationSides) {
      this.liquidationSides = Objects.requireNonNull(liquidationSides, "liquidationSides is null");
      return this;
    }

    /**
     * @throws IllegalStateException if a required part is missing
     * @throws IllegalArgumentException if the base URL is not http(s)
     */
    public CoinglassClient build() {
      requireSet(baseUrl, "baseUrl");
      requireSet(apiKey, "apiKey");
      requireSet(okHttpClient, "okHttpClient");
      requireSet(objectMapper, "objectMapper");
      requireSet(meter, "meter");
      if (HttpUrl.parse(baseUrl.toString()) == null) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + baseUrl);
      }
      if (instruments == null) {
        instruments = InstrumentCatalog.bundled();
      }
      return new CoinglassClient(this);
    }

    private static void requireSet(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " is not set");
      }
    }
  }
}
