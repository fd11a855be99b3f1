package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExchangeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "binance|Binance",
        "BINANCE|Binance",
        "okex|OKX",
        "okx|OKX",
        "OKEx|OKX",
        "gate.io|Gate",
        "Gate.io|Gate",
        "gate|Gate",
        "huobi|HTX",
        "htx|HTX",
        "bitmex|BitMEX",
        "Bitmex|BitMEX",
        "dydx|dYdX",
        "hyperliquid|Hyperliquid",
        "bybit|Bybit",
        "bingx|BingX",
        "mexc|MEXC",
        "coinex|CoinEx",
        "crypto.com|Crypto.com",
        "'  Binance  '|Binance",
      })
  void of_normalizesKnownNamesAndAliases(String raw, String expected) {
    assertThat(Exchange.of(raw).name()).isEqualTo(expected);
  }

  @Test
  void of_keepsUnknownNameTrimmed() {
    assertThat(Exchange.of("  Some New DEX ").name()).isEqualTo("Some New DEX");
  }

  @Test
  void of_givesConstantsForOurVenues() {
    assertThat(Exchange.of("binance")).isEqualTo(Exchange.BINANCE);
    assertThat(Exchange.of("BYBIT")).isEqualTo(Exchange.BYBIT);
    assertThat(Exchange.of("okex")).isEqualTo(Exchange.OKX);
    assertThat(Exchange.of("HyperLiquid")).isEqualTo(Exchange.HYPERLIQUID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "<b>Binance</b>",
        "A&B",
        "Bin\nance",
        "Bin\u202Eance",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"
      })
  void of_rejectsInvalidNames(String raw) {
    assertThatIllegalArgumentException().isThrownBy(() -> Exchange.of(raw));
  }

  @Test
  void of_acceptsNameOfExactlyMaxLength() {
    String name = "A".repeat(32);

    assertThat(Exchange.of(name).name()).isEqualTo(name);
  }

  @Test
  void constructor_rejectsSurroundingWhitespaceAndNull() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Exchange(" Binance"));
    assertThatNullPointerException().isThrownBy(() -> new Exchange(null));
    assertThatNullPointerException().isThrownBy(() -> Exchange.of(null));
  }
}
