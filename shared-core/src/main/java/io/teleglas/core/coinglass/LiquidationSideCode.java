package io.teleglas.core.coinglass;

import io.teleglas.core.market.PositionSide;
import java.util.Optional;

/**
 * How to read the {@code side} number of CoinGlass's REST liquidation orders ({@code
 * /api/futures/liquidation/order}). CoinGlass documents it as "Order direction (1: Buy, 2: Sell)",
 * which would make 2 a long liquidated by a forced sell; its WebSocket liquidation channel
 * documents 1 as a long and 2 as a short liquidation. The two readings contradict each other and
 * CoinGlass has not clarified (market-apis.md §B.5, §E). Configurable until a live CoinGlass event
 * has been matched against Binance's unambiguous {@code forceOrder}.
 */
public enum LiquidationSideCode {
  /**
   * 1 = a long was liquidated, 2 = a short: the WebSocket channel's documented meaning. The
   * default, because the REST doc's own sample (two liquidations at rising prices) fits short
   * liquidations for 2, and third-party SDKs read it this way. UNVERIFIED against live data.
   */
  AS_WEBSOCKET,
  /** 1 = Buy, 2 = Sell, the direction of the forced order: 2 (Sell) closes a long. */
  AS_ORDER_DIRECTION;

  /** The liquidated position's side for a code, or empty for a code neither reading knows. */
  public Optional<PositionSide> positionSide(int code) {
    if (code != 1 && code != 2) {
      return Optional.empty();
    }
    boolean one = code == 1;
    return Optional.of(
        switch (this) {
          case AS_WEBSOCKET -> one ? PositionSide.LONG : PositionSide.SHORT;
          case AS_ORDER_DIRECTION -> one ? PositionSide.SHORT : PositionSide.LONG;
        });
  }
}
