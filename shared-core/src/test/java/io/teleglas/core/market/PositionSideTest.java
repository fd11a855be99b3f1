package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionSideTest {

  @Test
  void closingSide_isSellForLongAndBuyForShort() {
    assertThat(PositionSide.LONG.closingSide()).isEqualTo(TakerSide.SELL);
    assertThat(PositionSide.SHORT.closingSide()).isEqualTo(TakerSide.BUY);
  }
}
