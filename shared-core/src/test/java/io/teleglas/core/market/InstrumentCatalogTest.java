package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InstrumentCatalogTest {

  private static final Coin BTC = new Coin("BTC");
  private static final Coin PEPE = new Coin("PEPE");
  private static final Coin SHIB = new Coin("SHIB");

  private final InstrumentCatalog bundled = InstrumentCatalog.bundled();

  @Test
  void bundled_loadsTheTableResource() {
    assertThat(bundled.instrument(PEPE, Venue.BINANCE))
        .isEqualTo(new Instrument(Venue.BINANCE, "1000PEPEUSDT", PEPE, 1000));
    assertThat(bundled.hasMultiplier(new Coin("BABYDOGE"))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "PEPE, BINANCE, 1000PEPEUSDT, 1000",
    "PEPE, BYBIT, 1000PEPEUSDT, 1000",
    "PEPE, OKX, PEPE-USDT-SWAP, 1",
    "PEPE, HYPERLIQUID, kPEPE, 1000",
    "SHIB, BINANCE, 1000SHIBUSDT, 1000",
    "SHIB, BYBIT, SHIB1000USDT, 1000",
    "SHIB, HYPERLIQUID, kSHIB, 1000",
    "SATS, BINANCE, 1000SATSUSDT, 1000",
    "SATS, BYBIT, 10000SATSUSDT, 10000",
    "BABYDOGE, BINANCE, 1MBABYDOGEUSDT, 1000000",
    "BABYDOGE, BYBIT, 1000000BABYDOGEUSDT, 1000000",
    "MOG, BINANCE, 1000000MOGUSDT, 1000000",
    "BTC, BINANCE, BTCUSDT, 1",
    "BTC, BYBIT, BTCUSDT, 1",
    "BTC, OKX, BTC-USDT-SWAP, 1",
    "BTC, HYPERLIQUID, BTC, 1",
  })
  void instrument_givesTableEntryElseNamingRule(
      String coin, Venue venue, String name, long multiplier) {
    assertThat(bundled.instrument(new Coin(coin), venue))
        .isEqualTo(new Instrument(venue, name, new Coin(coin), multiplier));
  }

  @ParameterizedTest
  @CsvSource({
    "BINANCE, 1000PEPEUSDT, PEPE, 1000",
    "BINANCE, 1000pepeusdt, PEPE, 1000",
    "BYBIT, SHIB1000USDT, SHIB, 1000",
    "BYBIT, 10000SATSUSDT, SATS, 10000",
    "HYPERLIQUID, kPEPE, PEPE, 1000",
    "BINANCE, BTCUSDT, BTC, 1",
    "BINANCE, btcusdt, BTC, 1",
    "OKX, ETH-USDT-SWAP, ETH, 1",
    "OKX, pepe-usdt-swap, PEPE, 1",
    "HYPERLIQUID, KAS, KAS, 1",
  })
  void byName_findsTableEntryElseReadsNamingRule(
      Venue venue, String name, String coin, long multiplier) {
    assertThat(bundled.byName(venue, name))
        .hasValueSatisfying(
            instrument -> {
              assertThat(instrument.coin()).isEqualTo(new Coin(coin));
              assertThat(instrument.multiplier()).isEqualTo(multiplier);
            });
  }

  @ParameterizedTest
  @CsvSource({
    "BINANCE, PEPEUSDT",
    "BINANCE, 1000NEWUSDT",
    "BINANCE, BTCUSDT_250328",
    "BYBIT, NEW1000USDT",
    "HYPERLIQUID, kpepe",
    "HYPERLIQUID, kNEW",
    "OKX, BTC-USD-SWAP",
  })
  void byName_isEmptyForNamesItCannotVouchFor(Venue venue, String name) {
    assertThat(bundled.byName(venue, name)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Venue.class)
  void byName_findsWhatInstrumentGives(Venue venue) {
    for (Coin coin : List.of(BTC, PEPE, SHIB, new Coin("SATS"), new Coin("1INCH"))) {
      Instrument instrument = bundled.instrument(coin, venue);

      assertThat(bundled.byName(venue, instrument.name())).contains(instrument);
    }
  }

  @Test
  void constructor_takesALiveListAndPrefersTheFirstInstrumentPerCoin() {
    Instrument perpetual = new Instrument(Venue.BINANCE, "BTCUSDT", BTC, 1);
    Instrument usdc = new Instrument(Venue.BINANCE, "BTCUSDC", BTC, 1);
    InstrumentCatalog live = new InstrumentCatalog(List.of(perpetual, usdc));

    assertThat(live.instrument(BTC, Venue.BINANCE)).isEqualTo(perpetual);
    assertThat(live.byName(Venue.BINANCE, "BTCUSDC")).contains(usdc);
    assertThat(live.instrument(PEPE, Venue.BINANCE).name()).isEqualTo("PEPEUSDT");
    assertThat(live.hasMultiplier(BTC)).isFalse();
  }

  @Test
  void constructor_rejectsANameListedTwice() {
    Instrument pepe = new Instrument(Venue.BINANCE, "1000PEPEUSDT", PEPE, 1000);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new InstrumentCatalog(List.of(pepe, pepe)))
        .withMessageContaining("BINANCE 1000PEPEUSDT");
  }

  @Test
  void hasMultiplier_isTrueOnlyForCoinsTradedPerMany() {
    assertThat(bundled.hasMultiplier(PEPE)).isTrue();
    assertThat(bundled.hasMultiplier(new Coin("DOGS"))).isTrue();
    assertThat(bundled.hasMultiplier(BTC)).isFalse();
    assertThat(bundled.hasMultiplier(new Coin("AS"))).isFalse();
  }
}
