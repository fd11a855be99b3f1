package io.teleglas.alertbot.alert;

import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;

/** The side an alert is about: a liquidated position's side or a trade taker's side. */
public enum AlertSide {
  LONG,
  SHORT,
  BUY,
  SELL;

  static AlertSide of(PositionSide side) {
    return side == PositionSide.LONG ? LONG : SHORT;
  }

  static AlertSide of(TakerSide side) {
    return side == TakerSide.BUY ? BUY : SELL;
  }
}
