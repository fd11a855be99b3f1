package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VenueTest {

  private static final Coin BTC = new Coin("BTC");

  @Test
  void exchange_isTheMatchingConstant() {
    assertThat(Venue.BINANCE.exchange()).isEqualTo(Exchange.BINANCE);
    assertThat(Venue.BYBIT.exchange()).isEqualTo(Exchange.BYBIT);
    assertThat(Venue.OKX.exchange()).isEqualTo(Exchange.OKX);
    assertThat(Venue.HYPERLIQUID.exchange()).isEqualTo(Exchange.HYPERLIQUID);
  }

  @Test
  void perpetualName_followsEachVenuesRule() {
    assertThat(Venue.BINANCE.perpetualName(BTC)).isEqualTo("BTCUSDT");
    assertThat(Venue.BYBIT.perpetualName(BTC)).isEqualTo("BTCUSDT");
    assertThat(Venue.OKX.perpetualName(BTC)).isEqualTo("BTC-USDT-SWAP");
    assertThat(Venue.HYPERLIQUID.perpetualName(BTC)).isEqualTo("BTC");
  }

  @ParameterizedTest
  @CsvSource({
    "BINANCE, BTCUSDT, BTC",
    "BINANCE, 1INCHUSDT, 1INCH",
    "BYBIT, SUSHIUSDT, SUSHI",
    "OKX, ETH-USDT-SWAP, ETH",
    "HYPERLIQUID, KAS, KAS",
  })
  void perpetualCoin_readsTheRuleBackwards(Venue venue, String name, String coin) {
    assertThat(venue.perpetualCoin(name)).contains(new Coin(coin));
  }

  @ParameterizedTest
  @CsvSource({
    "BINANCE, 1000PEPEUSDT",
    "BINANCE, BTCUSDC",
    "BINANCE, USDT",
    "BINANCE, btcusdt",
    "BYBIT, SHIB1000USDT",
    "OKX, BTC-USD-SWAP",
    "HYPERLIQUID, kPEPE",
    "HYPERLIQUID, 1000PEPE",
  })
  void perpetualCoin_isEmptyOffTheRuleAndForMultiplierNames(Venue venue, String name) {
    assertThat(venue.perpetualCoin(name)).isEmpty();
  }
}
