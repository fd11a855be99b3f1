package io.teleglas.core.coinglass;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.market.PositionSide;
import org.junit.jupiter.api.Test;

class LiquidationSideCodeTest {
  @Test
  void asWebsocket_readsOneAsLongAndTwoAsShort() {
    assertThat(LiquidationSideCode.AS_WEBSOCKET.positionSide(1)).contains(PositionSide.LONG);
    assertThat(LiquidationSideCode.AS_WEBSOCKET.positionSide(2)).contains(PositionSide.SHORT);
  }

  @Test
  void asOrderDirection_readsSellAsALongClosed() {
    assertThat(LiquidationSideCode.AS_ORDER_DIRECTION.positionSide(2)).contains(PositionSide.LONG);
    assertThat(LiquidationSideCode.AS_ORDER_DIRECTION.positionSide(1)).contains(PositionSide.SHORT);
  }

  @Test
  void positionSide_isEmptyForOtherCodes() {
    assertThat(LiquidationSideCode.AS_WEBSOCKET.positionSide(0)).isEmpty();
    assertThat(LiquidationSideCode.AS_ORDER_DIRECTION.positionSide(3)).isEmpty();
  }
}
