package io.teleglas.bench.replay;

import java.util.Locale;

/**
 * Binance USDⓈ-M combined-stream frames in the documented shapes (market-apis.md §C.1) the bot
 * subscribes to: {@code <symbol>@aggTrade} and {@code !forceOrder@arr}. Stateless.
 */
final class BinanceFrames {
  private BinanceFrames() {}

  /** An aggregate trade; {@code buyerIsMaker} true means the taker sold. */
  static String aggTrade(
      String symbol, long id, String price, String quantity, long timeMs, boolean buyerIsMaker) {
    return "{\"stream\":\""
        + symbol.toLowerCase(Locale.ROOT)
        + "@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":"
        + timeMs
        + ",\"s\":\""
        + symbol
        + "\",\"a\":"
        + id
        + ",\"p\":\""
        + price
        + "\",\"q\":\""
        + quantity
        + "\",\"f\":"
        + id
        + ",\"l\":"
        + id
        + ",\"T\":"
        + timeMs
        + ",\"m\":"
        + buyerIsMaker
        + "}}";
  }

  /** A filled liquidation order; {@code side} SELL liquidates a long, BUY a short. */
  static String forceOrder(String symbol, String side, String qty, String price, long timeMs) {
    return "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":"
        + timeMs
        + ",\"o\":{\"s\":\""
        + symbol
        + "\",\"S\":\""
        + side
        + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\""
        + qty
        + "\",\"p\":\""
        + price
        + "\",\"ap\":\""
        + price
        + "\",\"X\":\"FILLED\",\"l\":\""
        + qty
        + "\",\"z\":\""
        + qty
        + "\",\"T\":"
        + timeMs
        + "}}}";
  }
}
