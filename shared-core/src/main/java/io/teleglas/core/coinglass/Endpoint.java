package io.teleglas.core.coinglass;

import java.time.Duration;

/**
 * The CoinGlass endpoints this client calls, each with the lowest plan that includes it (the
 * availability matrix, market-apis.md §A.4) and how long an answer is reused. TTLs follow
 * CoinGlass's own documented update frequency where it gives one, so a cached answer is never
 * staler than a fresh one could be by much.
 */
enum Endpoint {
  /** Per-pair snapshot; CoinGlass states no frequency, the figures move with each trade. */
  PAIRS_MARKETS("/api/futures/pairs-markets", Plan.HOBBYIST, Duration.ofSeconds(10)),
  /** Per-coin snapshot, one page of 100 coins per request. */
  COINS_MARKETS("/api/futures/coins-markets", Plan.STANDARD, Duration.ofSeconds(15)),
  /** Documented as real time; a list of every coin, so shared by all callers for a while. */
  COINS_PRICE_CHANGE("/api/futures/coins-price-change", Plan.STANDARD, Duration.ofSeconds(10)),
  /** Documented cache: 10 s. */
  OPEN_INTEREST_EXCHANGES(
      "/api/futures/open-interest/exchange-list", Plan.HOBBYIST, Duration.ofSeconds(10)),
  /** Documented cache: 20 s; one answer lists every coin. */
  FUNDING_EXCHANGES(
      "/api/futures/funding-rate/exchange-list", Plan.HOBBYIST, Duration.ofSeconds(20)),
  /** Documented cache: 10 s. */
  LIQUIDATION_EXCHANGES(
      "/api/futures/liquidation/exchange-list", Plan.HOBBYIST, Duration.ofSeconds(10)),
  /** 7-day liquidation orders, documented cache 1 s; for polling, so only duplicates are merged. */
  LIQUIDATION_ORDERS("/api/futures/liquidation/order", Plan.STANDARD, Duration.ofSeconds(1)),
  /** History endpoints: the newest bucket changes slowly, and the interval is at least 1 min. */
  GLOBAL_ACCOUNT_RATIO(
      "/api/futures/global-long-short-account-ratio/history",
      Plan.HOBBYIST,
      Duration.ofSeconds(30)),
  TOP_ACCOUNT_RATIO(
      "/api/futures/top-long-short-account-ratio/history", Plan.HOBBYIST, Duration.ofSeconds(30)),
  TOP_POSITION_RATIO(
      "/api/futures/top-long-short-position-ratio/history", Plan.HOBBYIST, Duration.ofSeconds(30)),
  /** Documented cache: 1 s; 5 s spares the budget and is still fresher than any window offered. */
  TAKER_EXCHANGES(
      "/api/futures/taker-buy-sell-volume/exchange-list", Plan.HOBBYIST, Duration.ofSeconds(5)),
  /** Documented as real time; whales are news, so kept short. */
  WHALE_ALERTS("/api/hyperliquid/whale-alert", Plan.STARTUP, Duration.ofSeconds(5)),
  /** Documented as real time; positions of over $1M change slowly. */
  WHALE_POSITIONS("/api/hyperliquid/whale-position", Plan.STARTUP, Duration.ofSeconds(10)),
  /** Documented update: every 10 s. */
  RSI_LIST("/api/futures/rsi/list", Plan.STANDARD, Duration.ofSeconds(10));

  private final String path;
  private final Plan plan;
  private final Duration ttl;

  Endpoint(String path, Plan plan, Duration ttl) {
    this.path = path;
    this.plan = plan;
    this.ttl = ttl;
  }

  String path() {
    return path;
  }

  /** The lowest plan that includes the endpoint. */
  Plan plan() {
    return plan;
  }

  Duration ttl() {
    return ttl;
  }

  /** The path without {@code /api/}, as metrics and logs name the endpoint. */
  String metricName() {
    return path.substring("/api/".length());
  }
}
