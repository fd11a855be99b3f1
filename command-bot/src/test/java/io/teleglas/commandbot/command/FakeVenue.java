package io.teleglas.commandbot.command;

import io.teleglas.core.exchange.ExchangeClient;
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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An exchange that answers {@link #recentLargeTrades} with a fixed answer and remembers each
 * threshold it was asked for; everything else it does not publish.
 */
final class FakeVenue implements ExchangeClient {
  /** One request for large trades. */
  record Asked(Coin coin, double minUsd) {}

  final List<Asked> asked = new CopyOnWriteArrayList<>();
  private final Venue venue;
  private final Fetched<List<Trade>> trades;

  FakeVenue(Venue venue, Fetched<List<Trade>> trades) {
    this.venue = venue;
    this.trades = trades;
  }

  @Override
  public Venue venue() {
    return venue;
  }

  @Override
  public CompletableFuture<Fetched<List<Trade>>> recentLargeTrades(Coin coin, double minUsd) {
    asked.add(new Asked(coin, minUsd));
    return CompletableFuture.completedFuture(trades);
  }

  @Override
  public CompletableFuture<Fetched<Ticker>> ticker(Coin coin) {
    return notOffered();
  }

  @Override
  public CompletableFuture<Fetched<FundingRate>> funding(Coin coin) {
    return notOffered();
  }

  @Override
  public CompletableFuture<Fetched<OpenInterest>> openInterest(Coin coin) {
    return notOffered();
  }

  @Override
  public CompletableFuture<Fetched<LongShortRatio>> longShortRatio(
      Coin coin, LongShortRatio.Kind kind) {
    return notOffered();
  }

  private <T> CompletableFuture<Fetched<T>> notOffered() {
    return CompletableFuture.completedFuture(
        Fetched.unavailable(
            Fetched.Reason.NOT_OFFERED, "not in this fake", venue.exchange().name()));
  }
}
