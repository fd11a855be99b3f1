package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class InstrumentTest {

  private static final Coin PEPE = new Coin("PEPE");

  @Test
  void coinPriceAndQuantity_convertPerThousandUnits() {
    Instrument instrument = new Instrument(Venue.BINANCE, "1000PEPEUSDT", PEPE, 1000);

    assertThat(instrument.coinPrice(0.0125)).isEqualTo(0.0000125);
    assertThat(instrument.coinQuantity(2.5)).isEqualTo(2500);
  }

  @Test
  void perpetual_namesByTheVenueRuleWithMultiplierOne() {
    assertThat(Instrument.perpetual(Venue.OKX, new Coin("BTC")))
        .isEqualTo(new Instrument(Venue.OKX, "BTC-USDT-SWAP", new Coin("BTC"), 1));
  }

  @Test
  void constructor_rejectsBadValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Instrument(Venue.BYBIT, "SHIB1000USDT", PEPE, 0))
        .withMessageContaining("got 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new Instrument(Venue.BYBIT, "", PEPE, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Instrument(Venue.BYBIT, "PEPE USDT", PEPE, 1))
        .withMessageContaining("'PEPE USDT'");
    assertThatNullPointerException()
        .isThrownBy(() -> new Instrument(null, "kPEPE", PEPE, 1000))
        .withMessage("venue is null");
    assertThatNullPointerException()
        .isThrownBy(() -> new Instrument(Venue.HYPERLIQUID, "kPEPE", null, 1000))
        .withMessage("coin is null");
  }
}
