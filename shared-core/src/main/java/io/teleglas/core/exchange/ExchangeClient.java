package io.teleglas.core.exchange;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.market.Trade;
import io.teleglas.core.market.Venue;
import io.teleglas.core.upstream.Fetched;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One exchange's public market data for a coin's USDT- (Hyperliquid: USDC-) margined perpetual,
 * read from the venue's keyless REST API. Prices are USD per coin and quantities coins, also for
 * contracts quoted per 1000 coins.
 *
 * <p>Every method is asynchronous and never throws nor completes exceptionally for an upstream
 * problem: rate limits, timeouts, server errors, unreadable answers, unknown symbols and figures
 * the venue does not publish all arrive as {@link Fetched.Unavailable} with a short,
 * user-presentable detail. Answers are cached per endpoint for a few seconds and concurrent
 * identical requests share one call. Implementations are thread-safe; futures complete on the HTTP
 * client's threads, so callers must not block inside their callbacks. A client owns no resources:
 * the shared {@code OkHttpClient} it is given belongs to the caller.
 */
public interface ExchangeClient {

  /** The venue this client reads. */
  Venue venue();

  /** Last price, and the 24-hour change, range and volume the venue publishes. */
  CompletableFuture<Fetched<Ticker>> ticker(Coin coin);

  /** The current funding rate with its interval, and the next settlement when the venue says. */
  CompletableFuture<Fetched<FundingRate>> funding(Coin coin);

  /** Open interest in USD (one side of the book), and in coins when the venue says. */
  CompletableFuture<Fetched<OpenInterest>> openInterest(Coin coin);

  /**
   * The latest 5-minute long/short figure of the given kind; {@link Fetched.Reason#NOT_OFFERED} for
   * kinds the venue does not publish.
   */
  CompletableFuture<Fetched<LongShortRatio>> longShortRatio(Coin coin, LongShortRatio.Kind kind);

  /**
   * The venue's most recent public trades worth at least {@code minUsd}, newest first, each seen
   * from its taker.
   *
   * @param minUsd threshold in USD, finite and >= 0
   * @throws IllegalArgumentException if {@code minUsd} is negative or not finite
   */
  CompletableFuture<Fetched<List<Trade>>> recentLargeTrades(Coin coin, double minUsd);
}
