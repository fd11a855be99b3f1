package io.teleglas.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentTableTest {

  @Test
  void parse_readsLinesAndSkipsCommentsAndBlanks() throws IOException {
    String table =
        """
                # header comment

                BINANCE   1000PEPEUSDT  PEPE 1000   # trailing comment
                hyperliquid kPEPE PEPE 1000
                """;

    List<Instrument> instruments = InstrumentTable.parse(new StringReader(table), "test table");

    assertThat(instruments)
        .containsExactly(
            new Instrument(Venue.BINANCE, "1000PEPEUSDT", new Coin("PEPE"), 1000),
            new Instrument(Venue.HYPERLIQUID, "kPEPE", new Coin("PEPE"), 1000));
  }

  @Test
  void parse_namesSourceAndLineOfABadLine() {
    String table = "BINANCE 1000PEPEUSDT PEPE 1000\nBINANCE 1000SHIBUSDT SHIB\n";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> InstrumentTable.parse(new StringReader(table), "test table"))
        .withMessageStartingWith("test table line 2: expected VENUE NAME COIN MULTIPLIER");
  }

  @Test
  void parse_rejectsUnknownVenueBadCoinAndBadMultiplier() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> InstrumentTable.parse(new StringReader("KRAKEN PF_XBTUSD BTC 1"), "t"))
        .withMessageStartingWith("t line 1: ");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> InstrumentTable.parse(new StringReader("BYBIT 1000PEPEUSDT pepe 1000"), "t"))
        .withMessageContaining("'pepe'");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> InstrumentTable.parse(new StringReader("BYBIT 1000PEPEUSDT PEPE thousand"), "t"))
        .withMessageStartingWith("t line 1: ");
  }
}
