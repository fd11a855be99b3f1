package io.teleglas.alertbot;

/** Binance combined-stream frames in the documented shape, for tests that feed a real bot. */
public final class BinanceTestFrames {
  private BinanceTestFrames() {}

  /**
   * A {@code !forceOrder@arr} frame: a filled liquidation order.
   *
   * @param side the order's side: SELL closes a long (longs liquidated), BUY a short
   */
  public static String forceOrder(String symbol, String side, String qty, String price, long t) {
    return "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":"
        + t
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
        + t
        + "}}}";
  }
}
