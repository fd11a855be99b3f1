package io.teleglas.alertbot.source.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.source.Fixtures;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.core.market.InstrumentCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming fast path is an optimisation only: for every frame, {@link BinanceProtocol#decode}
 * must answer exactly what the tree decoder answers (kind, events, error text, drop count), on the
 * documented fixtures, on variations of the hot frames (numbers as numbers, fields reordered, extra
 * fields) and on malformed frames, which must come back as counted drops, never exceptions.
 */
class BinanceFastPathTest {
  private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

  private final BinanceProtocol protocol =
      new BinanceProtocol(InstrumentCatalog.bundled(), new ObjectMapper());
  private final BinanceFastPath fastPath = new BinanceFastPath(new ObjectMapper().getFactory());

  private static final String TRADE =
      "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1700000000100,"
          + "\"s\":\"BTCUSDT\",\"a\":42,\"p\":\"97000.10\",\"q\":\"0.001\",\"f\":1,\"l\":2,"
          + "\"T\":1700000000000,\"m\":true}}";

  private static final String LIQUIDATION =
      "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":1700000000100,"
          + "\"o\":{\"s\":\"SOLUSDT\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"500\","
          + "\"p\":\"200.00\",\"ap\":\"200.00\",\"X\":\"FILLED\",\"l\":\"500\",\"z\":\"500\","
          + "\"T\":1700000000000}}}";

  static Stream<String> frames() {
    List<String> out = new ArrayList<>();
    for (String name :
        List.of(
            "agg-trade-doc.json",
            "force-order-doc.json",
            "force-order-combined.json",
            "subscribe-ack.json")) {
      out.add(Fixtures.text(BinanceFastPathTest.class, name));
    }
    out.add(TRADE);
    out.add(LIQUIDATION);
    // Variations the venue may send: numbers as numbers, order of fields, extra fields.
    out.add(
        TRADE.replace("\"p\":\"97000.10\"", "\"p\":97000.10").replace("\"a\":42", "\"a\":\"42\""));
    out.add(TRADE.replace("\"q\":\"0.001\"", "\"q\":1E-3"));
    out.add(TRADE.replace("\"p\":\"97000.10\"", "\"p\":\" 97000.10 \""));
    out.add(TRADE.replace("\"m\":true", "\"m\":false,\"x\":{\"deep\":[1,2,{\"a\":3}]}"));
    out.add(
        "{\"data\":"
            + TRADE.substring(TRADE.indexOf("{\"e\""), TRADE.length() - 1)
            + ",\"stream\":\"btcusdt@aggTrade\"}");
    out.add(
        TRADE
            .replace("\"e\":\"aggTrade\",", "")
            .replace("\"m\":true", "\"m\":true,\"e\":\"aggTrade\""));
    out.add(
        LIQUIDATION
            .replace("\"ap\":\"200.00\"", "\"ap\":200")
            .replace("\"z\":\"500\"", "\"z\":500.0"));
    out.add(LIQUIDATION.replace("\"S\":\"SELL\"", "\"S\":\"BUY\""));
    out.add(LIQUIDATION.replace("SOLUSDT", "1000PEPEUSDT"));
    out.add(" \n" + TRADE + "\n ");
    // Values the normalisation refuses: the same drop reason either way.
    out.add(TRADE.replace("BTCUSDT", "NOPEUSDT"));
    out.add(TRADE.replace("\"p\":\"97000.10\"", "\"p\":\"NaN\""));
    out.add(TRADE.replace("\"p\":\"97000.10\"", "\"p\":\"1e300\""));
    out.add(TRADE.replace("\"p\":\"97000.10\"", "\"p\":\"-5\""));
    out.add(TRADE.replace("\"T\":1700000000000", "\"T\":0"));
    out.add(TRADE.replace("\"s\":\"BTCUSDT\"", "\"s\":\" \""));
    out.add(LIQUIDATION.replace("\"S\":\"SELL\"", "\"S\":\"HOLD\""));
    out.add(LIQUIDATION.replace("\"z\":\"500\"", "\"z\":\"1e12\""));
    // Shapes the fast path leaves to the tree path.
    out.add(TRADE.replace("\"p\":\"97000.10\"", "\"p\":\"\""));
    out.add(TRADE.replace("\"p\":\"97000.10\"", "\"p\":\"abc\""));
    out.add(TRADE.replace("\"p\":\"97000.10\"", "\"p\":null"));
    out.add(TRADE.replace("\"p\":\"97000.10\"", "\"p\":true"));
    out.add(TRADE.replace("\"a\":42", "\"a\":4.2"));
    out.add(TRADE.replace("\"a\":42", "\"a\":99999999999999999999999"));
    out.add(TRADE.replace("\"m\":true", "\"m\":\"true\""));
    out.add(TRADE.replace("\"m\":true", "\"m\":true,\"m\":false"));
    out.add(TRADE.replace("\"s\":\"BTCUSDT\"", "\"s\":\"BTCUSDT\",\"s\":\"ETHUSDT\""));
    out.add(TRADE.replace("\"s\":\"BTCUSDT\"", "\"s\":7"));
    out.add(TRADE.replace(",\"m\":true", ""));
    out.add(TRADE.replace("\"e\":\"aggTrade\"", "\"e\":\"markPriceUpdate\""));
    out.add(TRADE.replace("\"e\":\"aggTrade\"", "\"e\":5"));
    out.add(TRADE.replace("\"e\":\"aggTrade\",", ""));
    out.add(TRADE.replace("\"stream\":\"btcusdt@aggTrade\",", ""));
    out.add(TRADE.replace("\"stream\":\"btcusdt@aggTrade\"", "\"stream\":1"));
    out.add(TRADE.replace("{\"stream\"", "{\"id\":1,\"stream\""));
    out.add(TRADE + "{}");
    out.add(TRADE + "x");
    out.add(TRADE.substring(0, TRADE.length() - 1));
    out.add(TRADE.substring(0, 60));
    out.add(LIQUIDATION.replace(",\"z\":\"500\"", ""));
    out.add(LIQUIDATION.replace("\"o\":{\"s\"", "\"o\":null,\"x\":{\"s\""));
    out.add(LIQUIDATION.replace("\"e\":\"forceOrder\"", "\"e\":\"aggTrade\""));
    out.add("{\"stream\":\"!forceOrder@arr\",\"data\":[]}");
    out.add("{\"stream\":\"x\",\"data\":null}");
    out.add("{\"stream\":\"x\",\"data\":\"text\"}");
    out.add("{\"result\":null,\"id\":1}");
    out.add("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"}}");
    out.add("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    out.add("[1,2,3]");
    out.add("null");
    out.add("\u0000\u00ffhello<html>");
    out.add("");
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("frames")
  void decode_agreesWithTheTreeDecoder(String frame) {
    Decoded fast = protocol.decode(frame, RECEIVED);
    Decoded tree = protocol.decodeByTree(frame);

    assertThat(fast).isEqualTo(tree);
  }

  @ParameterizedTest
  @MethodSource("frames")
  void read_neverThrows(String frame) {
    Object payload = fastPath.read(frame);

    assertThat(payload)
        .satisfiesAnyOf(
            p -> assertThat(p).isNull(),
            p -> assertThat(p).isInstanceOf(BinanceWire.AggTrade.class),
            p -> assertThat(p).isInstanceOf(BinanceWire.ForceOrder.class));
  }

  @org.junit.jupiter.api.Test
  void read_takesThePlainHotFramesItself() {
    assertThat(fastPath.read(TRADE))
        .isEqualTo(new BinanceWire.AggTrade("BTCUSDT", 42L, 97000.10, 0.001, 1700000000000L, true));
    assertThat(fastPath.read(LIQUIDATION))
        .isEqualTo(
            new BinanceWire.ForceOrder(
                new BinanceWire.Order("SOLUSDT", "SELL", 200.0, 500.0, 1700000000000L)));
    assertThat(fastPath.read(Fixtures.text(BinanceFastPathTest.class, "force-order-combined.json")))
        .isInstanceOf(BinanceWire.ForceOrder.class);
  }

  @org.junit.jupiter.api.Test
  void read_leavesEverythingUnusualToTheTreePath() {
    assertThat(fastPath.read(TRADE.replace("\"p\":\"97000.10\"", "\"p\":\"\""))).isNull();
    assertThat(fastPath.read(TRADE.replace("\"m\":true", "\"m\":true,\"m\":false"))).isNull();
    assertThat(fastPath.read(TRADE + "{}")).isNull();
    assertThat(fastPath.read("{\"result\":null,\"id\":1}")).isNull();
    assertThat(fastPath.read("{\"stream\":\"!forceOrder@arr\",\"data\":[]}")).isNull();
  }
}
