/**
 * The CoinGlass API v4 client ({@link io.teleglas.core.coinglass.CoinglassClient}) and the results
 * it returns: per-exchange pair markets, coin markets, open interest, funding, liquidations,
 * long/short ratios, taker volume, Hyperliquid whales and RSI.
 *
 * <p>Every figure comes from CoinGlass as sent, converted once to the project's units (USD per
 * coin, coins, fractions for funding and shares); a figure CoinGlass did not send is empty, and a
 * figure CoinGlass would not give (plan, budget, timeout, error, unknown coin) is a typed {@link
 * io.teleglas.core.upstream.Fetched.Unavailable}. Nothing here estimates or fills in numbers. Wire
 * DTOs ({@code CoinglassWire}) stay inside the package; the public records are the contract the
 * bots build on.
 */
package io.teleglas.core.coinglass;
