/**
 * The market domain model both bots share: coins, exchanges, instruments, and the events and
 * snapshots read from venues (liquidations, trades, funding rates, open interest).
 *
 * <p>Conventions, fixed once for the whole code base: money, prices and quantities are {@code
 * double} (prices in USD per one coin, quantities in coins, USDT and USDC counted as USD); times
 * are {@link java.time.Instant}, durations {@link java.time.Duration}. Every record checks its
 * invariants when it is built, so a value that exists is valid. Venue conventions (order side
 * versus position side, contracts versus coins, 1000x contract names) are translated by each
 * venue's adapter and never appear in these types.
 */
package io.teleglas.core.market;
