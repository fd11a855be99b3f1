package io.teleglas.alertbot.market;

import io.teleglas.core.coinglass.CoinFundingRates;
import io.teleglas.core.coinglass.CoinglassClient;
import io.teleglas.core.coinglass.OpenInterestByExchange;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.upstream.Fetched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Funding and open interest from CoinGlass: the stablecoin-margined funding rate per exchange
 * ({@code /api/futures/funding-rate/exchange-list}, one request for every coin) and the open
 * interest per exchange ({@code /api/futures/open-interest/exchange-list}, one request per coin),
 * both on every plan. CoinGlass's "All" row is left out: readings are per exchange. Coin-margined
 * funding is left out too, so each exchange has one rate, the one traders of USDT perpetuals pay.
 *
 * <p>Uses the client given, so its requests share that client's CoinGlass budget and caches with
 * the rest of the bot. Thread-safe.
 */
public final class CoinglassMarketSource implements MarketSource {

  /** The source name of its readings. */
  public static final String NAME = "CoinGlass";

  private static final String TAG = "coinglass";

  private final CoinglassClient client;
  private final Duration deadline;

  /**
   * @param deadline how long to wait for each answer before leaving it out of the reading
   */
  public CoinglassMarketSource(CoinglassClient client, Duration deadline) {
    this.client = Objects.requireNonNull(client, "client is null");
    this.deadline = Answers.positive(deadline);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Collected> read(Coin coin, Instant at) {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(at, "at is null");
    CompletableFuture<Fetched<CoinFundingRates>> funding =
        Answers.within(client.fundingRates(coin), deadline, NAME);
    CompletableFuture<Fetched<OpenInterestByExchange>> openInterest =
        Answers.within(client.openInterestByExchange(coin), deadline, NAME);
    return funding.thenCombine(
        openInterest,
        (f, oi) -> {
          List<Collected.Miss> misses = new ArrayList<>();
          List<FundingRate> rates = List.of();
          if (f instanceof Fetched.Value<CoinFundingRates> v) {
            rates = Collected.distinctFunding(coin, v.value().stablecoinMargined());
          } else {
            misses.add(miss("funding", f));
          }
          List<OpenInterest> rows = List.of();
          if (oi instanceof Fetched.Value<OpenInterestByExchange> v) {
            rows = Collected.distinctOpenInterest(coin, v.value().openInterest());
          } else {
            misses.add(miss("open interest", oi));
          }
          return new Collected(coin, NAME, at, rates, rows, misses);
        });
  }

  private static Collected.Miss miss(String figure, Fetched<?> failed) {
    Fetched.Unavailable<?> u = (Fetched.Unavailable<?>) failed;
    return new Collected.Miss(TAG, figure, u.reason() + ": " + u.detail());
  }
}
