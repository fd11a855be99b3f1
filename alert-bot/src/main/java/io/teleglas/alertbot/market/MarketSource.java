package io.teleglas.alertbot.market;

import io.teleglas.core.market.Coin;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Where a {@link MarketPoller} reads one coin's funding rates and open interest: CoinGlass with a
 * key ({@link CoinglassMarketSource}), the venues' keyless APIs without ({@link
 * VenueMarketSource}). Implementations are thread-safe and asynchronous; the future always
 * completes normally, every upstream problem arriving as a {@link Collected.Miss}.
 */
public interface MarketSource {

  /**
   * The name every reading from this source carries ({@link MarketReading#source()}). It stays the
   * same from poll to poll, whichever parts answered, because the open-interest rule compares only
   * readings of one source.
   */
  String name();

  /**
   * Asks for {@code coin}'s funding rates and open interest.
   *
   * @param at the poll's time, for the answer's misses and the reading built from it
   */
  CompletableFuture<Collected> read(Coin coin, Instant at);
}
