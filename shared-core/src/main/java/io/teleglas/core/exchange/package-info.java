/**
 * Keyless REST clients for the exchanges the command bot falls back to when no CoinGlass key is
 * configured: one small client per venue ({@code binance}, {@code bybit}, {@code okx}, {@code
 * hyperliquid}) behind {@link io.teleglas.core.exchange.ExchangeClient}, and the plumbing they
 * share here: one HTTP call turned into a {@link io.teleglas.core.upstream.Fetched} ({@link
 * io.teleglas.core.exchange.VenueHttp}), the user-presentable failure wording ({@link
 * io.teleglas.core.exchange.Failures}) and lenient reading of wire numbers ({@link
 * io.teleglas.core.exchange.Wire}).
 *
 * <p>Each venue package keeps its wire DTOs (what the venue sends, numbers as strings or numbers)
 * apart from the domain records of {@link io.teleglas.core.market}, and converts them in one
 * adapter class. Nothing here invents a figure: a value the venue does not send is empty or {@link
 * io.teleglas.core.upstream.Fetched.Reason#NOT_OFFERED}, never 0.
 */
package io.teleglas.core.exchange;
