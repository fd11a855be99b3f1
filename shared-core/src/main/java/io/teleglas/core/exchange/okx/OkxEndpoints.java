package io.teleglas.core.exchange.okx;

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
 * OKX's endpoints, each behind its own cache: trades 5 s; ticker and funding 10 s; open interest 15
 * s; long/short (5-minute rows, 5 requests per 2 s) 30 s; contract sizes, which change only when
 * OKX re-lists a contract, 6 h.
 */
final class OkxEndpoints {
  static final Duration TRADES_TTL = Duration.ofSeconds(5);
  static final Duration TICKER_TTL = Duration.ofSeconds(10);
  static final Duration FUNDING_TTL = Duration.ofSeconds(10);
  static final Duration OPEN_INTEREST_TTL = Duration.ofSeconds(15);
  static final Duration RATIO_TTL = Duration.ofSeconds(30);
  static final Duration CONTRACT_TTL = Duration.ofHours(6);
  private static final long MAX_ENTRIES = 1_000;

  private static final TypeReference<OkxWire.Envelope<OkxWire.Ticker>> TICKER =
      new TypeReference<>() {};
  private static final TypeReference<OkxWire.Envelope<OkxWire.Funding>> FUNDING =
      new TypeReference<>() {};
  private static final TypeReference<OkxWire.Envelope<OkxWire.OpenInterest>> OPEN_INTEREST =
      new TypeReference<>() {};
  private static final TypeReference<OkxWire.Envelope<OkxWire.Instrument>> CONTRACT =
      new TypeReference<>() {};
  private static final TypeReference<OkxWire.Envelope<List<String>>> RATIO =
      new TypeReference<>() {};
  private static final TypeReference<OkxWire.Envelope<OkxWire.Trade>> TRADES =
      new TypeReference<>() {};

  private final HttpUrl base;
  private final VenueHttp http;
  private final FetchCache<String, OkxWire.Envelope<OkxWire.Ticker>> tickers = cache(TICKER_TTL);
  private final FetchCache<String, OkxWire.Envelope<OkxWire.Funding>> funding = cache(FUNDING_TTL);
  private final FetchCache<String, OkxWire.Envelope<OkxWire.OpenInterest>> openInterest =
      cache(OPEN_INTEREST_TTL);
  private final FetchCache<String, OkxWire.Envelope<OkxWire.Instrument>> contracts =
      cache(CONTRACT_TTL);
  private final FetchCache<String, OkxWire.Envelope<List<String>>> ratios = cache(RATIO_TTL);
  private final FetchCache<String, OkxWire.Envelope<OkxWire.Trade>> trades = cache(TRADES_TTL);

  OkxEndpoints(HttpUrl base, VenueHttp http) {
    this.base = base;
    this.http = http;
  }

  CompletableFuture<Fetched<OkxWire.Envelope<OkxWire.Ticker>>> ticker(Instrument i) {
    return tickers.get(i.name(), id -> get("api/v5/market/ticker", id, TICKER));
  }

  CompletableFuture<Fetched<OkxWire.Envelope<OkxWire.Funding>>> funding(Instrument i) {
    return funding.get(i.name(), id -> get("api/v5/public/funding-rate", id, FUNDING));
  }

  CompletableFuture<Fetched<OkxWire.Envelope<OkxWire.OpenInterest>>> openInterest(Instrument i) {
    return openInterest.get(
        i.name(), id -> get("api/v5/public/open-interest", id, OPEN_INTEREST, "instType", "SWAP"));
  }

  CompletableFuture<Fetched<OkxWire.Envelope<OkxWire.Instrument>>> contract(Instrument i) {
    return contracts.get(
        i.name(), id -> get("api/v5/public/instruments", id, CONTRACT, "instType", "SWAP"));
  }

  /**
   * Every SWAP instrument OKX lists, in one request and uncached: {@link OkxContracts} keeps what
   * it derives from them.
   */
  CompletableFuture<Fetched<OkxWire.Envelope<OkxWire.Instrument>>> swapInstruments() {
    String path = "api/v5/public/instruments";
    HttpUrl url =
        base.newBuilder().addPathSegments(path).addQueryParameter("instType", "SWAP").build();
    return http.get("/" + path, "SWAP", url, CONTRACT);
  }

  /**
   * The latest row of the kind's long/short table for the period ({@code 5m}): all accounts, or the
   * top 5 % of traders by position value, by account or by position.
   */
  CompletableFuture<Fetched<OkxWire.Envelope<List<String>>>> ratio(
      Instrument i, LongShortRatio.Kind kind, String period) {
    String path =
        switch (kind) {
          case GLOBAL_ACCOUNTS -> "api/v5/rubik/stat/contracts/long-short-account-ratio-contract";
          case TOP_TRADER_ACCOUNTS ->
              "api/v5/rubik/stat/contracts/long-short-account-ratio-contract-top-trader";
          case TOP_TRADER_POSITIONS ->
              "api/v5/rubik/stat/contracts/long-short-position-ratio-contract-top-trader";
        };
    return ratios.get(
        path + "/" + i.name(), k -> get(path, i.name(), RATIO, "period", period, "limit", "1"));
  }

  /** The latest 500 trades (the most OKX returns). */
  CompletableFuture<Fetched<OkxWire.Envelope<OkxWire.Trade>>> trades(Instrument i) {
    return trades.get(i.name(), id -> get("api/v5/market/trades", id, TRADES, "limit", "500"));
  }

  private <D> CompletableFuture<Fetched<D>> get(
      String path, String instId, TypeReference<D> type, String... params) {
    HttpUrl.Builder url = base.newBuilder().addPathSegments(path);
    for (int n = 0; n + 1 < params.length; n += 2) {
      url.addQueryParameter(params[n], params[n + 1]);
    }
    url.addQueryParameter("instId", instId);
    return http.get("/" + path, instId, url.build(), type);
  }

  private static <K, V> FetchCache<K, V> cache(Duration ttl) {
    return new FetchCache<>(ttl, MAX_ENTRIES);
  }
}
