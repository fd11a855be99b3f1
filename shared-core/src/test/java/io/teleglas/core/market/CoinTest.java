package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoinTest {

  @ParameterizedTest
  @ValueSource(strings = {"BTC", "PEPE", "1INCH", "0G", "X", "ABCDEFGHIJKLMNOPQRST"})
  void constructor_acceptsUpperCaseSymbols(String symbol) {
    assertThat(new Coin(symbol).symbol()).isEqualTo(symbol);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "btc",
        "Btc",
        "BTC-USDT",
        "BTC ",
        "12345",
        "ABCDEFGHIJKLMNOPQRSTU",
        "<B>",
        "ÄBC"
      })
  void constructor_rejectsOtherSymbols(String symbol) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Coin(symbol))
        .withMessageContaining("'" + symbol + "'");
    assertThat(Coin.isValid(symbol)).isFalse();
  }

  @Test
  void constructor_rejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> new Coin(null)).withMessage("symbol is null");
    assertThat(Coin.isValid(null)).isFalse();
  }

  @Test
  void constructor_quotesHugeSymbolShortened() {
    String huge = "X".repeat(5000);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Coin(huge))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }
}
