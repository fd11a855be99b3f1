package io.teleglas.core.market;

/**
 * For a liquidation, the side of the position that was liquidated. A {@link #LONG} liquidation
 * closes a long, so the exchange's forced order sells; a {@link #SHORT} liquidation buys.
 *
 * <p>Venues word this differently, and each adapter translates before building a {@link
 * Liquidation}: Binance {@code forceOrder} gives the forced order's side ({@code SELL} means a long
 * was liquidated); Bybit {@code allLiquidation} gives the position side ({@code Buy} means a long
 * was liquidated); OKX gives {@code posSide} {@code long}/{@code short}, or for net positions the
 * order side ({@code sell} means long); CoinGlass's WebSocket gives {@code 1} for long and {@code
 * 2} for short. Nothing past an adapter sees those codes.
 */
public enum PositionSide {
  LONG,
  SHORT;

  /**
   * The aggressor side of the forced order that closes a position on this side: SELL for a long.
   */
  public TakerSide closingSide() {
    return this == LONG ? TakerSide.SELL : TakerSide.BUY;
  }
}
