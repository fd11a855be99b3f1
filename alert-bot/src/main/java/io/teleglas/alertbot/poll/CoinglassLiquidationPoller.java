package io.teleglas.alertbot.poll;

import io.teleglas.alertbot.config.SourceId;
import io.teleglas.core.coinglass.CoinglassClient;
import io.teleglas.core.coinglass.Plan;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.upstream.Fetched;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Polls CoinGlass's liquidation orders ({@code /api/futures/liquidation/order}, Standard plan and
 * up, market-apis.md §A.6.9) for each configured exchange and coin. The endpoint has no market-wide
 * form: {@code exchange} and {@code symbol} (the coin) are both required, so one poll costs
 * exchanges × coins requests. The default, {@link #MAIN_EXCHANGES} × the six default {@code
 * ALERT_SYMBOLS} every {@link #DEFAULT_INTERVAL}, is 18 requests per 15 s = 72 a minute, a quarter
 * of Standard's 300; a configuration above {@link #MAX_REQUESTS_PER_MINUTE} is refused, so the
 * other half stays for the rest of the process and for a command bot sharing the key (CoinGlass
 * counts per key, and the client's limiter adopts what CoinGlass reports as used).
 *
 * <p>Each answer lists up to 200 orders of the last 7 days; only those of the last ten minutes are
 * news. Sides follow the client's {@code LiquidationSideCode} (the REST code is ambiguous, §B.5).
 * Events are offered as source {@code coinglass}.
 */
public final class CoinglassLiquidationPoller implements Poller {

  /** The exchanges CoinGlass is asked about unless configured otherwise. */
  public static final List<Exchange> MAIN_EXCHANGES =
      List.of(Exchange.BINANCE, Exchange.BYBIT, Exchange.OKX);

  /** Liquidation alerts a quarter of a minute late are still timely. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

  /** Half of the Standard plan's 300 requests a minute, the least plan with the endpoint. */
  public static final int MAX_REQUESTS_PER_MINUTE = Plan.STANDARD.requestsPerMinute() / 2;

  private final PollLoop loop;

  /**
   * @param minUsd CoinGlass's {@code min_liquidation_amount}: smaller orders are not listed
   * @throws IllegalArgumentException when exchanges × coins per interval exceeds {@link
   *     #MAX_REQUESTS_PER_MINUTE}, or a list is empty
   */
  public CoinglassLiquidationPoller(
      CoinglassClient client,
      List<Exchange> exchanges,
      List<Coin> coins,
      double minUsd,
      Duration interval,
      PollContext context) {
    Objects.requireNonNull(client, "client is null");
    List<Exchange> venues = List.copyOf(exchanges);
    List<Coin> watched = List.copyOf(coins);
    if (venues.isEmpty() || watched.isEmpty()) {
      throw new IllegalArgumentException("need at least one exchange and one coin");
    }
    if (!(minUsd >= 0) || Double.isInfinite(minUsd)) {
      throw new IllegalArgumentException("minUsd must be a finite number >= 0: " + minUsd);
    }
    double perMinute = requestsPerMinute(venues.size(), watched.size(), interval);
    if (perMinute > MAX_REQUESTS_PER_MINUTE) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%d exchanges x %d coins every %d s is %.0f CoinGlass requests a minute, more than"
                  + " %d (half of the Standard plan's %d): poll fewer coins or less often",
              venues.size(),
              watched.size(),
              interval.toSeconds(),
              perMinute,
              MAX_REQUESTS_PER_MINUTE,
              Plan.STANDARD.requestsPerMinute()));
    }
    this.loop =
        new PollLoop(
            "CoinGlass liquidation orders ("
                + venues.stream().map(Exchange::name).collect(Collectors.joining(", "))
                + "; "
                + watched.stream().map(Coin::symbol).collect(Collectors.joining(", "))
                + ")",
            SourceId.COINGLASS.id(),
            interval,
            context,
            () -> {
              List<CompletableFuture<Fetched<List<MarketEvent>>>> calls =
                  venues.stream()
                      .flatMap(
                          exchange ->
                              watched.stream()
                                  .map(
                                      coin ->
                                          client
                                              .liquidationOrders(exchange, coin, minUsd)
                                              .thenApply(PollLoop::events)))
                      .toList();
              return PollLoop.all(calls);
            });
  }

  /** CoinGlass requests a minute for polling {@code coins} on {@code exchanges} every interval. */
  public static double requestsPerMinute(int exchanges, int coins, Duration interval) {
    Objects.requireNonNull(interval, "interval is null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be > 0, got " + interval);
    }
    return (double) exchanges * coins * Duration.ofMinutes(1).toNanos() / interval.toNanos();
  }

  @Override
  public String name() {
    return loop.name();
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop();
  }

  @Override
  public PollerSnapshot snapshot() {
    return loop.snapshot();
  }
}
