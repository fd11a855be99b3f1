package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolResolverTest {

  private final SymbolResolver resolver = new SymbolResolver(InstrumentCatalog.bundled());

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "btc|BTC",
        "BTC|BTC",
        "Btc|BTC",
        "$BTC|BTC",
        "$btc|BTC",
        "#btc|BTC",
        "' btc '|BTC",
        "BTCUSDT|BTC",
        "btcusdt|BTC",
        "BTC/USDT|BTC",
        "BTC-USDT|BTC",
        "BTC_USDT|BTC",
        "btc/usdc|BTC",
        "BTC-USDT-SWAP|BTC",
        "btc-usdt-swap|BTC",
        "BTCUSDC|BTC",
        "BTC-USD-SWAP|BTC",
        "BTC/USD|BTC",
        "BTCUSD|BTC",
        "BTCUSD_PERP|BTC",
        "BTCPERP|BTC",
        "BTC-PERP|BTC",
        "BTCUSDT.P|BTC",
        "btcusdt.p|BTC",
        "$ETHUSDT|ETH",
        "1000PEPE|PEPE",
        "1000pepe|PEPE",
        "1000PEPEUSDT|PEPE",
        "1000PEPE-USDT|PEPE",
        "1000PEPEUSDT.P|PEPE",
        "$1000PEPE|PEPE",
        "kPEPE|PEPE",
        "kSHIB|SHIB",
        "kBONK|BONK",
        "kDOGS|DOGS",
        "SHIB1000USDT|SHIB",
        "SHIB1000|SHIB",
        "1000SHIBUSDT|SHIB",
        "10000SATSUSDT|SATS",
        "1000SATS|SATS",
        "1MBABYDOGE|BABYDOGE",
        "1mbabydoge|BABYDOGE",
        "1MBABYDOGEUSDT|BABYDOGE",
        "1000000BABYDOGEUSDT|BABYDOGE",
        "1000000MOGUSDT|MOG",
        "1000CAT|CAT",
        "10000LADYSUSDT|LADYS",
      })
  void resolve_acceptsCoinPairAndContractForms(String input, String coin) {
    assertThat(resolver.resolve(input))
        .isEqualTo(new SymbolResolution.Resolved(new Coin(coin), input.strip()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SUSHI|SUSHI",
        "SUSHIUSDT|SUSHI",
        "AUSD|AUSD",
        "TUSD|TUSD",
        "FDUSD|FDUSD",
        "AUSDT|A",
        "SUSDT|S",
        "PERP|PERP",
        "PERPUSDT|PERP",
        "1INCH|1INCH",
        "1inchusdt|1INCH",
        "1INCH-USDT|1INCH",
        "10SET|10SET",
        "0G|0G",
        "KAS|KAS",
        "kas|KAS",
        "KASUSDT|KAS",
        "KSM|KSM",
        "kSM|KSM",
        "kAS|KAS",
        "kpepe|KPEPE",
        "SWAP|SWAP",
        "k|K",
      })
  void resolve_keepsCoinsThatLookLikeSuffixesOrPrefixes(String input, String coin) {
    assertThat(resolver.resolve(input))
        .isEqualTo(new SymbolResolution.Resolved(new Coin(coin), input));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"USDT", "usdt", "USDC", "USD", "$USDT", "USDT-PERP", "USDCUSDT", "USDT/USDT"})
  void resolve_rejectsQuoteCurrencyAlone(String input) {
    assertThat(reason(input))
        .contains("is a quote currency, not a coin")
        .endsWith("Try BTC or ETH.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "1000", "$1000", "1000USDT", "0"})
  void resolve_rejectsNumbers(String input) {
    assertThat(reason(input)).contains("is a number, not a coin").endsWith("Try BTC or ETH.");
  }

  @Test
  void resolve_rejectsEmptyNullAndBlank() {
    for (String input : new String[] {null, "", "   ", "\t\n"}) {
      assertThat(reason(input)).isEqualTo("Symbol is empty. Try BTC or ETH.");
    }
  }

  @Test
  void resolve_rejectsTooLongInputWithoutEchoingIt() {
    String input = "A".repeat(5000);

    assertThat(reason(input)).isEqualTo("Symbol is too long. Try BTC or ETH.");
    assertThat(reason("B".repeat(31))).isEqualTo("Symbol is too long. Try BTC or ETH.");
  }

  @Test
  void resolve_echoesAtMostSixteenCharactersOfInput() {
    String digits = "1234567890".repeat(3);

    assertThat(reason(digits))
        .isEqualTo("1234567890123456... is a number, not a coin. Try BTC or ETH.")
        .doesNotContain(digits);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>",
        "<b>BTC</b>",
        "💩",
        "BTC💩",
        "btc;drop",
        "'BTC'",
        "BTC\u00A0USDT",
        "B&TC"
      })
  void resolve_rejectsForeignCharacters(String input) {
    assertThat(reason(input))
        .isEqualTo("A symbol has only letters and digits, like BTC or 1000PEPE.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC USDT", "$ BTC", "btc\tusdt"})
  void resolve_rejectsSpacesInside(String input) {
    assertThat(reason(input)).isEqualTo("Send one symbol without spaces, like BTC or BTCUSDT.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../etc",
        "$",
        "#",
        "$$BTC",
        "BTC--USDT",
        "-BTC",
        "BTC/",
        "BTC.X",
        "BTC-USDT-SWAP-X",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
      })
  void resolve_rejectsMalformedSymbols(String input) {
    assertThat(reason(input)).isEqualTo("That is not a symbol. Try BTC, BTCUSDT or 1000PEPE.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ETH/BTC", "BTC-EUR", "BTCUSDT_250328"})
  void resolve_rejectsPairsNotQuotedInUsd(String input) {
    assertThat(reason(input))
        .isEqualTo("Only pairs against USDT, USDC or USD work. Try BTC or BTCUSDT.");
  }

  @Test
  void resolve_keepsKPrefixForCoinsWithoutMultiplierInCatalog() {
    SymbolResolver withoutTable = new SymbolResolver(new InstrumentCatalog(List.of()));

    assertThat(withoutTable.resolve("kPEPE"))
        .isEqualTo(new SymbolResolution.Resolved(new Coin("KPEPE"), "kPEPE"));
    assertThat(withoutTable.resolve("1000PEPE"))
        .isEqualTo(new SymbolResolution.Resolved(new Coin("PEPE"), "1000PEPE"));
  }

  @Test
  void instrument_usesTheCatalog() {
    assertThat(resolver.instrument(new Coin("PEPE"), Venue.HYPERLIQUID).name()).isEqualTo("kPEPE");
    assertThat(resolver.instrument(new Coin("BTC"), Venue.OKX).name()).isEqualTo("BTC-USDT-SWAP");
  }

  private String reason(String input) {
    SymbolResolution resolution = resolver.resolve(input);
    assertThat(resolution).isInstanceOf(SymbolResolution.Rejected.class);
    return ((SymbolResolution.Rejected) resolution).reason();
  }
}
