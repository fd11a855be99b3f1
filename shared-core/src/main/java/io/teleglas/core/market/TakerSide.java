package io.teleglas.core.market;

/**
 * The aggressor side of a trade: {@link #BUY} when the taker bought (lifted an ask), {@link #SELL}
 * when the taker sold (hit a bid).
 *
 * <p>Adapters translate each venue's wording: Binance {@code aggTrade} {@code m=true} (buyer is
 * maker) means SELL; Bybit {@code publicTrade} {@code S} and OKX {@code trades} {@code side}
 * already name the taker; Hyperliquid {@code side} {@code B} is BUY and {@code A} is SELL;
 * CoinGlass trades use {@code 1} for sell and {@code 2} for buy.
 */
public enum TakerSide {
  BUY,
  SELL
}
