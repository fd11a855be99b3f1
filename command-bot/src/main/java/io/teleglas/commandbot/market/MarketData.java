package io.teleglas.commandbot.market;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.teleglas.core.coinglass.ByWindow;
import io.teleglas.core.coinglass.CoinglassClient;
import io.teleglas.core.coinglass.CoinglassRateLimiter;
import io.teleglas.core.coinglass.ExchangeLiquidations;
import io.teleglas.core.coinglass.OpenInterestByExchange;
import io.teleglas.core.coinglass.PairMarket;
import io.teleglas.core.coinglass.PriceChanges;
import io.teleglas.core.coinglass.RsiValues;
import io.teleglas.core.coinglass.TakerVolume;
import io.teleglas.core.coinglass.WhaleAlert;
import io.teleglas.core.coinglass.WhalePosition;
import io.teleglas.core.coinglass.Window;
import io.teleglas.core.exchange.ExchangeClient;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.market.Trade;
import io.teleglas.core.market.Venue;
import io.teleglas.core.upstream.Fetched;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where each figure a command shows comes from. CoinGlass (when a key is configured) is preferred
 * for what it aggregates across exchanges; the exchanges' keyless APIs answer what they can when
 * CoinGlass cannot (no key, plan, rate limit, outage), and are preferred for figures they publish
 * first-hand (price, 24h range). Every call is bounded by one deadline per reply; every figure
 * keeps its source. Thread-safe; all methods are asynchronous and never complete exceptionally.
 */
public final class MarketData {
  /** Main venues for per-exchange funding lines, in display order. */
  public static final List<Exchange> MAIN_VENUES =
      List.of(Exchange.BINANCE, Exchange.BYBIT, Exchange.OKX, Exchange.HYPERLIQUID);

  private final Optional<CoinglassClient> coinglass;
  private final List<ExchangeClient> venues;
  private final Deadline deadline;
  private final Clock clock;
  private final InstrumentCatalog instruments;

  public MarketData(
      Optional<CoinglassClient> coinglass,
      List<ExchangeClient> venues,
      InstrumentCatalog instruments,
      Duration deadline,
      Clock clock) {
    this.coinglass = coinglass;
    this.instruments = instruments;
    this.venues = List.copyOf(venues);
    this.deadline = new Deadline(deadline);
    this.clock = clock;
  }

  /** Whether a CoinGlass key is configured. */
  public boolean hasCoinglass() {
    return coinglass.isPresent();
  }

  /**
   * CoinGlass's request budget as it stands now, for {@code /status}; empty without a key. The
   * budget is a refilling bucket, so "used" is what the last minute's calls have not yet given
   * back.
   */
  public Optional<CoinglassRateLimiter.Budget> coinglassBudget() {
    return coinglass.map(CoinglassClient::budget);
  }

  /** Hits and misses of CoinGlass's response caches since start, for {@code /status}. */
  public Optional<CacheStats> coinglassCache() {
    return coinglass.map(CoinglassClient::cacheStats);
  }

  /** Last price with 24h change, range and volume: the first venue that lists the coin. */
  public CompletableFuture<Fetched<Ticker>> ticker(Coin coin) {
    List<CompletableFuture<Fetched<Ticker>>> order = new ArrayList<>();
    venues.forEach(v -> order.add(deadline.bound(v.ticker(coin), v.venue().exchange().name())));
    return Deadline.firstAvailable(order);
  }

  /** 1h/4h/24h price changes (CoinGlass, Standard plan and up). */
  public CompletableFuture<Fetched<PriceChanges>> priceChanges(Coin coin) {
    return fromCoinglass(c -> c.priceChanges(coin));
  }

  /** Futures volume over 24 h summed over every pair CoinGlass lists, or over the venues. */
  public CompletableFuture<Fetched<Double>> volume24h(Coin coin) {
    CompletableFuture<Fetched<Double>> fromCoinglass =
        fromCoinglass(c -> c.pairMarkets(coin))
            .thenApply(
                f ->
                    f.map(
                        pairs ->
                            pairs.stream()
                                .map(PairMarket::volume24hUsd)
                                .filter(OptionalDouble::isPresent)
                                .mapToDouble(OptionalDouble::getAsDouble)
                                .sum()));
    CompletableFuture<Fetched<Double>> fromVenues =
        allVenues(v -> v.ticker(coin))
            .thenApply(
                tickers ->
                    sumOf(
                        tickers,
                        t -> t.volume24hUsd().isPresent() ? t.volume24hUsd().getAsDouble() : 0));
    return Deadline.firstAvailable(List.of(fromCoinglass, fromVenues));
  }

  /** Open interest per exchange and in total. */
  public CompletableFuture<Fetched<OpenInterestTable>> openInterest(Coin coin) {
    CompletableFuture<Fetched<OpenInterestTable>> fromCoinglass =
        fromCoinglass(c -> c.openInterestByExchange(coin)).thenApply(f -> f.map(this::table));
    CompletableFuture<Fetched<OpenInterestTable>> fromVenues =
        allVenues(v -> v.openInterest(coin)).thenApply(rows -> venueTable(coin, rows));
    return Deadline.firstAvailable(List.of(fromCoinglass, fromVenues));
  }

  private OpenInterestTable table(OpenInterestByExchange oi) {
    List<OpenInterestTable.Row> rows =
        oi.exchanges().stream()
            .map(r -> new OpenInterestTable.Row(r.exchange(), r.usd(), r.changePercent()))
            .toList();
    double total =
        oi.total()
            .map(OpenInterestByExchange.Row::usd)
            .orElse(rows.stream().mapToDouble(OpenInterestTable.Row::usd).sum());
    ByWindow change =
        oi.total().map(OpenInterestByExchange.Row::changePercent).orElse(ByWindow.empty());
    return new OpenInterestTable(oi.coin(), total, change, rows, "all exchanges");
  }

  private Fetched<OpenInterestTable> venueTable(Coin coin, List<Fetched<OpenInterest>> answers) {
    List<OpenInterest> values = values(answers);
    if (values.isEmpty()) {
      return firstFailure(answers);
    }
    List<OpenInterestTable.Row> rows =
        values.stream()
            .map(o -> new OpenInterestTable.Row(o.exchange(), o.usdValue(), ByWindow.empty()))
            .toList();
    String scope = values.stream().map(o -> o.exchange().name()).collect(Collectors.joining(", "));
    double total = rows.stream().mapToDouble(OpenInterestTable.Row::usd).sum();
    return Fetched.value(
        new OpenInterestTable(coin, total, ByWindow.empty(), rows, scope), scope, clock.instant());
  }

  /** Funding per exchange, the OI-weighted average and the next settlement. */
  public CompletableFuture<Fetched<FundingTable>> funding(Coin coin) {
    CompletableFuture<Fetched<List<FundingRate>>> fromCoinglass =
        fromCoinglass(c -> c.fundingRates(coin)).thenApply(f -> f.map(r -> r.stablecoinMargined()));
    CompletableFuture<Fetched<List<FundingRate>>> fromVenues =
        allVenues(v -> v.funding(coin)).thenApply(this::allValues);
    CompletableFuture<Fetched<List<FundingRate>>> rates =
        Deadline.firstAvailable(List.of(fromCoinglass, fromVenues));
    CompletableFuture<Fetched<OpenInterestTable>> oi = openInterest(coin);
    return rates.thenCombine(oi, (r, o) -> r.map(list -> fundingTable(coin, list, o)));
  }

  private FundingTable fundingTable(
      Coin coin, List<FundingRate> rates, Fetched<OpenInterestTable> oi) {
    OptionalDouble weighted = OptionalDouble.empty();
    int over = 0;
    if (oi instanceof Fetched.Value<OpenInterestTable> v) {
      Map<Exchange, Double> oiByExchange =
          v.value().rows().stream()
              .collect(
                  Collectors.toMap(
                      OpenInterestTable.Row::exchange, OpenInterestTable.Row::usd, (a, b) -> a));
      double sum = 0;
      double weights = 0;
      for (FundingRate r : rates) {
        Double w = oiByExchange.get(r.exchange());
        if (w != null && w > 0) {
          sum += r.rate() * w;
          weights += w;
          over++;
        }
      }
      if (weights > 0) {
        weighted = OptionalDouble.of(sum / weights);
      }
    }
    Optional<java.time.Instant> next =
        rates.stream()
            .filter(r -> r.exchange().equals(Exchange.BINANCE))
            .findFirst()
            .or(() -> rates.stream().filter(r -> r.nextFundingTime().isPresent()).findFirst())
            .flatMap(FundingRate::nextFundingTime);
    return new FundingTable(coin, rates, weighted, over, next);
  }

  /** The coins with the highest and lowest funding on the main venues (CoinGlass only). */
  public CompletableFuture<Fetched<io.teleglas.core.coinglass.FundingExtremes>> fundingExtremes(
      int perSide) {
    return fromCoinglass(c -> c.fundingExtremes(perSide, java.util.Set.copyOf(MAIN_VENUES)));
  }

  /** Long and short liquidations per exchange over {@code window} (CoinGlass only). */
  public CompletableFuture<Fetched<ExchangeLiquidations>> liquidations(Coin coin, Window window) {
    return fromCoinglass(c -> c.liquidationsByExchange(coin, window));
  }

  /** Taker buy and sell volume over {@code window} (CoinGlass only). */
  public CompletableFuture<Fetched<TakerVolume>> takerVolume(Coin coin, Window window) {
    return fromCoinglass(c -> c.takerVolume(coin, window));
  }

  /** RSI by timeframe (CoinGlass, Standard plan and up). */
  public CompletableFuture<Fetched<RsiValues>> rsi(Coin coin) {
    return fromCoinglass(c -> c.rsi(coin));
  }

  /** One kind of long/short ratio on Binance: CoinGlass's 1h figure, else Binance's own. */
  public CompletableFuture<Fetched<LongShortRatio>> longShort(Coin coin, LongShortRatio.Kind kind) {
    return longShort(coin, kind, Exchange.BINANCE);
  }

  /** One kind of long/short ratio on one exchange: CoinGlass's 1h figure, else the venue's own. */
  public CompletableFuture<Fetched<LongShortRatio>> longShort(
      Coin coin, LongShortRatio.Kind kind, Exchange exchange) {
    List<CompletableFuture<Fetched<LongShortRatio>>> order = new ArrayList<>();
    coinglass.ifPresent(
        c ->
            order.add(
                deadline.bound(
                    c.longShortRatio(
                        kind, exchange, coin, coin.symbol() + "USDT", Duration.ofHours(1)),
                    "CoinGlass")));
    venues.stream()
        .filter(v -> v.venue().exchange().equals(exchange))
        .forEach(v -> order.add(deadline.bound(v.longShortRatio(coin, kind), exchange.name())));
    if (order.isEmpty()) {
      return CompletableFuture.completedFuture(
          Fetched.unavailable(
              Fetched.Reason.NOT_OFFERED, "no source for " + exchange.name(), exchange.name()));
    }
    return Deadline.firstAvailable(order);
  }

  private String pair(Coin coin, Exchange exchange) {
    for (Venue v : Venue.values()) {
      if (v.exchange().equals(exchange)) {
        return instruments.instrument(coin, v).name();
      }
    }
    return coin.symbol() + "USDT";
  }

  /** Recent Hyperliquid whale opens and closes (CoinGlass, Startup plan and up). */
  public CompletableFuture<Fetched<List<WhaleAlert>>> whaleAlerts() {
    return fromCoinglass(CoinglassClient::whaleAlerts);
  }

  /** The largest Hyperliquid whale positions (CoinGlass, Startup plan and up). */
  public CompletableFuture<Fetched<List<WhalePosition>>> whalePositions() {
    return fromCoinglass(CoinglassClient::whalePositions);
  }

  /** Recent trades of at least {@code minUsd} across the venues, newest first. */
  public CompletableFuture<Fetched<List<Trade>>> largeTrades(Coin coin, double minUsd) {
    return allVenues(v -> v.recentLargeTrades(coin, minUsd))
        .thenApply(
            answers ->
                allValues(answers)
                    .map(
                        lists ->
                            lists.stream()
                                .flatMap(List::stream)
                                .sorted(Comparator.comparing(Trade::time).reversed())
                                .toList()));
  }

  private <T> CompletableFuture<Fetched<T>> fromCoinglass(
      Function<CoinglassClient, CompletableFuture<Fetched<T>>> call) {
    return coinglass
        .map(c -> deadline.bound(call.apply(c), "CoinGlass"))
        .orElseGet(() -> CompletableFuture.completedFuture(CoinglassClient.withoutKey()));
  }

  private <T> CompletableFuture<List<Fetched<T>>> allVenues(
      Function<ExchangeClient, CompletableFuture<Fetched<T>>> call) {
    List<CompletableFuture<Fetched<T>>> calls =
        venues.stream()
            .map(v -> deadline.bound(call.apply(v), v.venue().exchange().name()))
            .toList();
    return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .thenApply(done -> calls.stream().map(CompletableFuture::join).toList());
  }

  private <T> Fetched<List<T>> allValues(List<Fetched<T>> answers) {
    List<T> values = values(answers);
    if (values.isEmpty()) {
      return firstFailure(answers);
    }
    String sources =
        answers.stream()
            .filter(Fetched::isAvailable)
            .map(a -> ((Fetched.Value<T>) a).source())
            .collect(Collectors.joining(", "));
    return Fetched.value(values, sources, clock.instant());
  }

  private <T> Fetched<Double> sumOf(
      List<Fetched<T>> answers, java.util.function.ToDoubleFunction<T> f) {
    return allValues(answers).map(list -> list.stream().mapToDouble(f).sum());
  }

  private static <T> List<T> values(List<Fetched<T>> answers) {
    List<T> values = new ArrayList<>();
    answers.forEach(
        a -> {
          if (a instanceof Fetched.Value<T> v) {
            values.add(v.value());
          }
        });
    return values;
  }

  private static <T, U> Fetched<U> firstFailure(List<Fetched<T>> answers) {
    if (answers.isEmpty()) {
      return Fetched.unavailable(Fetched.Reason.NOT_OFFERED, "no exchange configured", "exchanges");
    }
    return ((Fetched.Unavailable<T>) answers.get(0)).retype();
  }
}
