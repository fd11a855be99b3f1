package io.teleglas.core.exchange.binance;

import com.fasterxml.jackson.core.type.TypeReference;
import io.teleglas.core.exchange.VenueHttp;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.upstream.FetchCache;
import io.teleglas.core.upstream.Fetched;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * Binance's endpoints, each behind its own cache. TTLs follow how fast a figure moves and what it
 * costs: trades 5 s; ticker and premium index (mark price, funding) 10 s; open interest 15 s;
 * long/short rows (5-minute buckets) and OI history (hourly) 30 s; funding intervals, which change
 * a few times a year, 1 h.
 */
final class BinanceEndpoints {
  static final Duration TRADES_TTL = Duration.ofSeconds(5);
  static final Duration TICKER_TTL = Duration.ofSeconds(10);
  static final Duration PREMIUM_TTL = Duration.ofSeconds(10);
  static final Duration OPEN_INTEREST_TTL = Duration.ofSeconds(15);
  static final Duration STATISTICS_TTL = Duration.ofSeconds(30);
  static final Duration FUNDING_INTERVAL_TTL = Duration.ofHours(1);
  private static final long MAX_ENTRIES = 1_000;

  private static final TypeReference<BinanceWire.Ticker24h> TICKER = new TypeReference<>() {};
  private static final TypeReference<BinanceWire.PremiumIndex> PREMIUM = new TypeReference<>() {};
  private static final TypeReference<List<BinanceWire.FundingInfo>> FUNDING_INFO =
      new TypeReference<>() {};
  private static final TypeReference<List<BinanceWire.FundingRateRow>> FUNDING_HISTORY =
      new TypeReference<>() {};
  private static final TypeReference<BinanceWire.OpenInterest> OPEN_INTEREST =
      new TypeReference<>() {};
  private static final TypeReference<List<BinanceWire.OpenInterestHist>> OI_HISTORY =
      new TypeReference<>() {};
  private static final TypeReference<List<BinanceWire.Ratio>> RATIOS = new TypeReference<>() {};
  private static final TypeReference<List<BinanceWire.AggTrade>> AGG_TRADES =
      new TypeReference<>() {};

  private final HttpUrl base;
  private final VenueHttp http;
  private final FetchCache<String, BinanceWire.Ticker24h> tickers = cache(TICKER_TTL);
  private final FetchCache<String, BinanceWire.PremiumIndex> premium = cache(PREMIUM_TTL);
  private final FetchCache<String, List<BinanceWire.FundingInfo>> fundingInfo =
      cache(FUNDING_INTERVAL_TTL);
  private final FetchCache<String, List<BinanceWire.FundingRateRow>> fundingHistory =
      cache(FUNDING_INTERVAL_TTL);
  private final FetchCache<String, BinanceWire.OpenInterest> openInterest =
      cache(OPEN_INTEREST_TTL);
  private final FetchCache<String, List<BinanceWire.OpenInterestHist>> openInterestHistory =
      cache(STATISTICS_TTL);
  private final FetchCache<String, List<BinanceWire.Ratio>> ratios = cache(STATISTICS_TTL);
  private final FetchCache<String, List<BinanceWire.AggTrade>> aggTrades = cache(TRADES_TTL);

  BinanceEndpoints(HttpUrl base, VenueHttp http) {
    this.base = base;
    this.http = http;
  }

  CompletableFuture<Fetched<BinanceWire.Ticker24h>> ticker(Instrument i) {
    return tickers.get(i.name(), s -> bySymbol("fapi/v1/ticker/24hr", s, TICKER));
  }

  CompletableFuture<Fetched<BinanceWire.PremiumIndex>> premiumIndex(Instrument i) {
    return premium.get(i.name(), s -> bySymbol("fapi/v1/premiumIndex", s, PREMIUM));
  }

  /** Every symbol with adjusted funding settings (one call for all symbols). */
  CompletableFuture<Fetched<List<BinanceWire.FundingInfo>>> fundingInfo() {
    String path = "fapi/v1/fundingInfo";
    return fundingInfo.get("all", k -> http.get("/" + path, k, url(path).build(), FUNDING_INFO));
  }

  /** The two latest settlements, oldest first. */
  CompletableFuture<Fetched<List<BinanceWire.FundingRateRow>>> fundingHistory(Instrument i) {
    return fundingHistory.get(
        i.name(), s -> bySymbol("fapi/v1/fundingRate", s, "limit", "2", FUNDING_HISTORY));
  }

  CompletableFuture<Fetched<BinanceWire.OpenInterest>> openInterest(Instrument i) {
    return openInterest.get(i.name(), s -> bySymbol("fapi/v1/openInterest", s, OPEN_INTEREST));
  }

  /** Hourly open interest of the last {@code hours} hours. */
  CompletableFuture<Fetched<List<BinanceWire.OpenInterestHist>>> openInterestHistory(
      Instrument i, int hours) {
    return openInterestHistory.get(
        i.name() + "/" + hours,
        k -> statistics("futures/data/openInterestHist", i.name(), "1h", hours, OI_HISTORY));
  }

  /** The latest row of the kind's table for the period ({@code 5m}). */
  CompletableFuture<Fetched<List<BinanceWire.Ratio>>> ratio(
      Instrument i, LongShortRatio.Kind kind, String period) {
    String path =
        switch (kind) {
          case GLOBAL_ACCOUNTS -> "futures/data/globalLongShortAccountRatio";
          case TOP_TRADER_ACCOUNTS -> "futures/data/topLongShortAccountRatio";
          case TOP_TRADER_POSITIONS -> "futures/data/topLongShortPositionRatio";
        };
    return ratios.get(path + "/" + i.name(), k -> statistics(path, i.name(), period, 1, RATIOS));
  }

  /** The latest 1000 aggregate trades (the most Binance returns at once). */
  CompletableFuture<Fetched<List<BinanceWire.AggTrade>>> aggTrades(Instrument i) {
    return aggTrades.get(
        i.name(), s -> bySymbol("fapi/v1/aggTrades", s, "limit", "1000", AGG_TRADES));
  }

  private <D> CompletableFuture<Fetched<D>> bySymbol(
      String path, String symbol, TypeReference<D> type) {
    return http.get(
        "/" + path, symbol, url(path).addQueryParameter("symbol", symbol).build(), type);
  }

  private <D> CompletableFuture<Fetched<D>> bySymbol(
      String path, String symbol, String param, String value, TypeReference<D> type) {
    HttpUrl url =
        url(path).addQueryParameter("symbol", symbol).addQueryParameter(param, value).build();
    return http.get("/" + path, symbol, url, type);
  }

  private <D> CompletableFuture<Fetched<D>> statistics(
      String path, String symbol, String period, int limit, TypeReference<D> type) {
    HttpUrl url =
        url(path)
            .addQueryParameter("symbol", symbol)
            .addQueryParameter("period", period)
            .addQueryParameter("limit", Integer.toString(limit))
            .build();
    return http.get("/" + path, symbol, url, type);
  }

  private HttpUrl.Builder url(String path) {
    return base.newBuilder().addPathSegments(path);
  }

  private static <K, V> FetchCache<K, V> cache(Duration ttl) {
    return new FetchCache<>(ttl, MAX_ENTRIES);
  }
}
