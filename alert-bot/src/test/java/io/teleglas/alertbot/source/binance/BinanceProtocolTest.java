package io.teleglas.alertbot.source.binance;

import static io.teleglas.alertbot.source.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.source.DecoderRobustness;
import io.teleglas.alertbot.source.Fixtures;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.StreamProtocol;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fixtures from market-apis.md §C.1: the {@code forceOrder} and {@code aggTrade} doc samples
 * ([BN-SITE] Liquidation-Order-Streams, Aggregate-Trade-Streams) with their {@code //} comments and
 * trailing commas removed, and the third-party {@code barter-data} forceOrder fixture in the
 * documented combined-stream wrapper {@code {"stream":"!forceOrder@arr","data":{...}}}.
 */
class BinanceProtocolTest extends DecoderRobustness {

  private static final URI BASE = URI.create("wss://fstream.binance.com/market");

  private final BinanceProtocol protocol =
      new BinanceProtocol(InstrumentCatalog.bundled(), new ObjectMapper());

  @Override
  protected StreamProtocol protocol() {
    return protocol;
  }

  @Override
  protected String dataFrame() {
    return fixture("force-order-combined.json");
  }

  @Override
  protected String unknownChannelFrame() {
    return "{\"stream\":\"btcusdt@markPrice\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":1562305380000,"
        + "\"s\":\"BTCUSDT\",\"p\":\"11794.15000000\"}}";
  }

  private static String fixture(String name) {
    return Fixtures.text(BinanceProtocolTest.class, name);
  }

  private static String aggTrade(String symbol, String price, String quantity) {
    return "{\"stream\":\""
        + symbol.toLowerCase()
        + "@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1700000000100,\"s\":\""
        + symbol
        + "\",\"a\":42,\"p\":\""
        + price
        + "\",\"q\":\""
        + quantity
        + "\",\"f\":1,\"l\":2,\"T\":1700000000000,\"m\":false}}";
  }

  private Liquidation onlyLiquidation(String frame) {
    Decoded decoded = decode(frame);
    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(1);
    return (Liquidation) decoded.events().get(0);
  }

  private Trade onlyTrade(String frame) {
    Decoded decoded = decode(frame);
    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(1);
    return (Trade) decoded.events().get(0);
  }

  @Test
  void decode_docForceOrderSellIsALongLiquidationWorthFilledTimesAveragePrice() {
    Liquidation l = onlyLiquidation(fixture("force-order-doc.json"));

    assertThat(l.exchange()).isEqualTo(Exchange.BINANCE);
    assertThat(l.coin()).isEqualTo(new Coin("BTC"));
    assertThat(l.instrument()).isEqualTo("BTCUSDT");
    assertThat(l.side()).isEqualTo(PositionSide.LONG);
    assertThat(l.price()).isEqualTo(9910.0);
    assertThat(l.quantity()).isEqualTo(0.014);
    // z × ap = 0.014 × 9910
    assertThat(l.usdValue()).isCloseTo(138.74, within(1e-9));
    assertThat(l.time()).isEqualTo(Instant.ofEpochMilli(1568014460893L));
  }

  @Test
  void decode_combinedStreamFrameIsUnwrappedAndTimedByTheTradeTime() {
    Liquidation l = onlyLiquidation(fixture("force-order-combined.json"));

    assertThat(l.side()).isEqualTo(PositionSide.LONG);
    assertThat(l.price()).isEqualTo(18990.0);
    // z × ap = 0.009 × 18990.00, not q × p = 0.009 × 18917.15
    assertThat(l.usdValue()).isCloseTo(170.91, within(1e-9));
    assertThat(l.time()).isEqualTo(Instant.ofEpochMilli(1665523974217L));
  }

  @Test
  void decode_forceOrderBuyIsAShortLiquidation() {
    String frame = replace(fixture("force-order-doc.json"), "\"S\":\"SELL\"", "\"S\":\"BUY\"");

    assertThat(onlyLiquidation(frame).side()).isEqualTo(PositionSide.SHORT);
  }

  @Test
  void decode_filledQuantityNotOriginalQuantityIsUsed() {
    String frame = replace(fixture("force-order-doc.json"), "\"z\":\"0.014\"", "\"z\":\"0.010\"");

    Liquidation l = onlyLiquidation(frame);

    assertThat(l.quantity()).isEqualTo(0.010);
    assertThat(l.usdValue()).isCloseTo(99.10, within(1e-9));
  }

  @Test
  void decode_docAggTradeBuyerMakerIsATakerSell() {
    Trade t = onlyTrade(fixture("agg-trade-doc.json"));

    assertThat(t.side()).isEqualTo(TakerSide.SELL);
    assertThat(t.instrument()).isEqualTo("BTCUSDT");
    assertThat(t.price()).isEqualTo(0.001);
    assertThat(t.quantity()).isEqualTo(100.0);
    // p × q = 0.001 × 100
    assertThat(t.usdValue()).isCloseTo(0.1, within(1e-12));
    assertThat(t.time()).isEqualTo(Instant.ofEpochMilli(123456785L));
    assertThat(t.tradeId()).isEqualTo("5933014");
  }

  @Test
  void decode_aggTradeBuyerTakerIsATakerBuy() {
    Trade t = onlyTrade(aggTrade("BTCUSDT", "65000.5", "2"));

    assertThat(t.side()).isEqualTo(TakerSide.BUY);
    assertThat(t.usdValue()).isEqualTo(130001.0);
  }

  @Test
  void decode_numbersAsNumbersAreRead() {
    String frame = replace(fixture("agg-trade-doc.json"), "\"p\": \"0.001\"", "\"p\": 0.001");

    assertThat(onlyTrade(frame).price()).isEqualTo(0.001);
  }

  @Test
  void decode_thousandPepeIsConvertedToCoins() {
    Trade t = onlyTrade(aggTrade("1000PEPEUSDT", "0.0120", "500000"));

    assertThat(t.coin()).isEqualTo(new Coin("PEPE"));
    assertThat(t.instrument()).isEqualTo("1000PEPEUSDT");
    assertThat(t.price()).isCloseTo(0.000012, within(1e-15));
    assertThat(t.quantity()).isEqualTo(500_000_000.0);
    assertThat(t.usdValue()).isCloseTo(6000.0, within(1e-9));
  }

  @Test
  void decode_namesOutsideTheCatalogAndTheRuleAreDropped() {
    for (String symbol : List.of("PEPEUSDT", "1000FOOUSDT", "BTCUSD_PERP")) {
      Decoded decoded = decode(aggTrade(symbol, "1", "1"));

      assertThat(decoded.kind()).as(symbol).isEqualTo(Decoded.Kind.INVALID);
      assertThat(decoded.dropped()).as(symbol).isEqualTo(1);
      assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains(symbol));
    }
  }

  @Test
  void decode_impossibleNumbersAreDropped() {
    String doc = fixture("force-order-doc.json");
    List<String> frames =
        List.of(
            replace(doc, "\"ap\":\"9910\"", "\"ap\":\"NaN\""),
            replace(doc, "\"ap\":\"9910\"", "\"ap\":\"Infinity\""),
            replace(doc, "\"z\":\"0.014\"", "\"z\":\"-0.014\""),
            replace(doc, "\"z\":\"0.014\"", "\"z\":\"0\""),
            replace(doc, "\"z\":\"0.014\"", "\"z\":1e300"),
            replace(doc, "\"ap\":\"9910\"", "\"ap\":\"1e300\""),
            replace(doc, "\"T\":1568014460893", "\"T\":1e300"),
            replace(doc, "\"ap\":\"9910\"", "\"ap\":\"ten\""));

    for (String frame : frames) {
      assertThat(decode(frame).kind()).as(frame).isEqualTo(Decoded.Kind.INVALID);
    }
  }

  @Test
  void decode_missingFieldsAreDropped() {
    String doc = fixture("force-order-doc.json");

    assertThat(decode(replace(doc, "\"z\":\"0.014\",", "")).error())
        .hasValueSatisfying(e -> assertThat(e).contains("o.z"));
    assertThat(decode(replace(doc, "\"T\":1568014460893", "\"t\":1")).error())
        .hasValueSatisfying(e -> assertThat(e).contains("o.T"));
    assertThat(decode("{\"e\":\"forceOrder\",\"E\":1}").kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decode("{\"stream\":\"!forceOrder@arr\"}").kind()).isEqualTo(Decoded.Kind.INVALID);
  }

  @Test
  void decode_arrayPayloadKeepsTheGoodItems() {
    String good = fixture("force-order-doc.json");
    String bad = replace(good, "\"S\":\"SELL\"", "\"S\":\"SIDEWAYS\"");

    Decoded decoded =
        decode("{\"stream\":\"!forceOrder@arr\",\"data\":[" + good + "," + bad + "]}");

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(1);
    assertThat(decoded.dropped()).isEqualTo(1);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("SIDEWAYS"));
  }

  @Test
  void decode_subscribeAnswersAreControlAndErrorsRejected() {
    assertThat(decode(fixture("subscribe-ack.json"))).isEqualTo(Decoded.control());
    assertThat(decode("{\"result\":[\"btcusdt@aggTrade\"],\"id\":3}")).isEqualTo(Decoded.control());

    Decoded error = decode("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":1}");
    Decoded code = decode("{\"code\":0,\"msg\":\"Unknown property\",\"id\":1}");

    assertThat(error.kind()).isEqualTo(Decoded.Kind.REJECTED);
    assertThat(error.error()).hasValueSatisfying(e -> assertThat(e).contains("Invalid request"));
    assertThat(code.kind()).isEqualTo(Decoded.Kind.REJECTED);
    assertThat(code.error()).hasValueSatisfying(e -> assertThat(e).contains("Unknown property"));
  }

  @Test
  void isSubscribeAck_recognisesOnlyTheNullResult() {
    assertThat(protocol.isSubscribeAck(fixture("subscribe-ack.json"))).isTrue();
    assertThat(protocol.isSubscribeAck("{\"result\":[],\"id\":1}")).isFalse();
    assertThat(protocol.isSubscribeAck(fixture("force-order-combined.json"))).isFalse();
    assertThat(protocol.isSubscribeAck("{\"result\":null")).isFalse();
  }

  @Test
  void endpoint_isTheCombinedStreamUrlUnderTheMarketBase() {
    List<String> topics = List.of("!forceOrder@arr", "btcusdt@aggTrade", "ethusdt@aggTrade");

    assertThat(protocol.endpoint(BASE, topics))
        .hasToString(
            "wss://fstream.binance.com/market/stream?streams=!forceOrder@arr/btcusdt@aggTrade/ethusdt@aggTrade");
    assertThat(protocol.endpoint(URI.create("wss://fstream.binance.com/market/"), topics))
        .isEqualTo(protocol.endpoint(BASE, topics));
    assertThat(protocol.subscribeMessages(topics)).isEmpty();
    assertThat(protocol.acknowledgesSubscriptions()).isFalse();
  }

  @Test
  void endpoint_refusesNoStreams() {
    assertThatThrownBy(() -> protocol.endpoint(BASE, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepAlive_isLeftToTheServersPingsAndTheDayLimit() {
    assertThat(protocol.heartbeat()).isEmpty();
    assertThat(protocol.protocolPingInterval()).isZero();
    assertThat(protocol.maxConnectionAge()).contains(Duration.ofHours(24));
    assertThat(protocol.source()).isEqualTo("binance");
  }

  @Test
  void maxSilence_isShorterWhenTradesAreStreamed() {
    assertThat(protocol.maxSilence(List.of("!forceOrder@arr"))).isEqualTo(Duration.ofSeconds(60));
    assertThat(protocol.maxSilence(List.of("!forceOrder@arr", "btcusdt@aggTrade")))
        .isEqualTo(Duration.ofSeconds(30));
  }
}
