package io.teleglas.core.market;

import java.time.Instant;

/**
 * Something that happened on an exchange and may trigger an alert: a {@link Liquidation} or a
 * {@link Trade}. Events are immutable values, safe to hand between threads.
 */
public sealed interface MarketEvent permits Liquidation, Trade {

  /** The exchange it happened on. */
  Exchange exchange();

  /** The coin traded, whatever contract the venue used. */
  Coin coin();

  /** When the exchange says it happened (event time, not receive time). */
  Instant time();

  /** Notional in USD, USDT and USDC counted as USD; always > 0. */
  double usdValue();
}
