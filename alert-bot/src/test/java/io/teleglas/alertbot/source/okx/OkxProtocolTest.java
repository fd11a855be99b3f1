package io.teleglas.alertbot.source.okx;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fixtures from market-apis.md §C.3: the {@code liquidation-orders} and {@code trades} push samples
 * of [OKX-SITE] (the trades sample is a spot pair) and the third-party live-recorded swap trade.
 * The contract values are the live-recorded BTC/ETH rows quoted there; IOST's is not documented, so
 * 1000 is a value chosen for this test.
 */
class OkxProtocolTest extends DecoderRobustness {

  private static final Map<String, Double> CONTRACT_VALUES =
      Map.of(
          "BTC-USDT-SWAP", 0.01,
          "ETH-USDT-SWAP", 0.1,
          "BTC-USD-SWAP", 100.0,
          "IOST-USDT-SWAP", 1000.0);

  private final OkxProtocol protocol =
      new OkxProtocol(CONTRACT_VALUES, InstrumentCatalog.bundled(), new ObjectMapper());

  @Override
  protected StreamProtocol protocol() {
    return protocol;
  }

  @Override
  protected String dataFrame() {
    return fixture("liquidation-orders-doc.json");
  }

  @Override
  protected String unknownChannelFrame() {
    return "{\"arg\":{\"channel\":\"candle1m\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[[\"1\"]]}";
  }

  private static String fixture(String name) {
    return Fixtures.text(OkxProtocolTest.class, name);
  }

  private static String liquidations(String instId, String... details) {
    return "{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"data\":[{\"details\":["
        + String.join(",", details)
        + "],\"instId\":\""
        + instId
        + "\",\"instType\":\"SWAP\"}]}";
  }

  private static String detail(String posSide, String side, String bkPx, String sz) {
    return "{\"bkLoss\":\"0\",\"bkPx\":\"%s\",\"ccy\":\"\",\"posSide\":\"%s\",\"side\":\"%s\",\"sz\":\"%s\",\"ts\":\"1692266434010\"}"
        .formatted(bkPx, posSide, side, sz);
  }

  private <T> T only(Class<T> type, String frame) {
    Decoded decoded = decode(frame);
    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(1);
    return type.cast(decoded.events().get(0));
  }

  @Test
  void decode_docLiquidationShortPositionWorthContractsTimesCtValTimesBankruptcyPrice() {
    Liquidation l = only(Liquidation.class, fixture("liquidation-orders-doc.json"));

    assertThat(l.exchange()).isEqualTo(Exchange.OKX);
    assertThat(l.coin()).isEqualTo(new Coin("IOST"));
    assertThat(l.instrument()).isEqualTo("IOST-USDT-SWAP");
    assertThat(l.side()).isEqualTo(PositionSide.SHORT);
    assertThat(l.price()).isEqualTo(0.007831);
    // 13 contracts × 1000 IOST
    assertThat(l.quantity()).isEqualTo(13_000.0);
    // sz × ctVal × bkPx = 13 × 1000 × 0.007831
    assertThat(l.usdValue()).isCloseTo(101.803, within(1e-9));
    assertThat(l.time()).isEqualTo(Instant.ofEpochMilli(1692266434010L));
  }

  @Test
  void decode_positionSideNamesTheLiquidatedPositionAndNetModeUsesTheOrderSide() {
    assertThat(
            only(
                    Liquidation.class,
                    liquidations("BTC-USDT-SWAP", detail("long", "sell", "60000", "5")))
                .side())
        .isEqualTo(PositionSide.LONG);
    assertThat(
            only(
                    Liquidation.class,
                    liquidations("BTC-USDT-SWAP", detail("net", "sell", "60000", "5")))
                .side())
        .isEqualTo(PositionSide.LONG);
    assertThat(
            only(
                    Liquidation.class,
                    liquidations("BTC-USDT-SWAP", detail("net", "buy", "60000", "5")))
                .side())
        .isEqualTo(PositionSide.SHORT);
  }

  @Test
  void decode_btcLiquidationUsesTheBtcContractValue() {
    Liquidation l =
        only(
            Liquidation.class,
            liquidations("BTC-USDT-SWAP", detail("long", "sell", "60000", "250")));

    // 250 contracts × 0.01 BTC = 2.5 BTC, × 60000
    assertThat(l.quantity()).isCloseTo(2.5, within(1e-12));
    assertThat(l.usdValue()).isCloseTo(150_000.0, within(1e-6));
  }

  @Test
  void decode_unknownOrMissingPositionSideIsDropped() {
    assertThat(decode(liquidations("BTC-USDT-SWAP", detail("", "sell", "60000", "5"))).kind())
        .isEqualTo(Decoded.Kind.INVALID);
    assertThat(decode(liquidations("BTC-USDT-SWAP", detail("net", "hold", "60000", "5"))).kind())
        .isEqualTo(Decoded.Kind.INVALID);
  }

  @Test
  void decode_swapWithoutContractValueIsDroppedNotGuessed() {
    Decoded decoded = decode(liquidations("SOL-USDT-SWAP", detail("long", "sell", "150", "5")));

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.dropped()).isEqualTo(1);
    assertThat(decoded.error())
        .hasValueSatisfying(e -> assertThat(e).contains("ctVal", "SOL-USDT-SWAP"));
  }

  @Test
  void decode_inverseSwapIsDroppedEvenWithAContractValue() {
    Decoded decoded =
        decode(
            liquidations(
                "BTC-USD-SWAP",
                detail("long", "sell", "60000", "5"),
                detail("short", "buy", "60000", "1")));

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.dropped()).isEqualTo(2);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("BTC-USD-SWAP"));
  }

  @Test
  void decode_oneBadDetailKeepsTheOthers() {
    Decoded decoded =
        decode(
            liquidations(
                "ETH-USDT-SWAP",
                detail("long", "sell", "3000", "10"),
                detail("long", "sell", "NaN", "10"),
                detail("short", "buy", "3000", "20")));

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(2);
    assertThat(decoded.dropped()).isEqualTo(1);
    assertThat(decoded.error())
        .hasValueSatisfying(e -> assertThat(e).contains("data[0].details[1]"));
  }

  @Test
  void decode_itemWithoutInstIdDropsItsDetailsAndKeepsOtherItems() {
    String frame =
        "{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"data\":["
            + "{\"details\":["
            + detail("long", "sell", "1", "1")
            + ","
            + detail("long", "sell", "1", "1")
            + "]},"
            + "{\"details\":["
            + detail("long", "sell", "3000", "1")
            + "],\"instId\":\"ETH-USDT-SWAP\"}]}";

    Decoded decoded = decode(frame);

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(1);
    assertThat(decoded.dropped()).isEqualTo(2);
  }

  @Test
  void decode_impossibleNumbersAreDropped() {
    for (String d :
        List.of(
            detail("long", "sell", "-3000", "1"),
            detail("long", "sell", "3000", "1e300"),
            detail("long", "sell", "3000", "0"),
            detail("long", "sell", "Infinity", "1"),
            detail("long", "sell", "3000", "1").replace(",\"ts\":\"1692266434010\"", ""))) {
      assertThat(decode(liquidations("ETH-USDT-SWAP", d)).kind())
          .as(d)
          .isEqualTo(Decoded.Kind.INVALID);
    }
  }

  @Test
  void decode_swapTradeSizeIsContractsTimesCtVal() {
    Trade t = only(Trade.class, fixture("trades-swap.json"));

    assertThat(t.side()).isEqualTo(TakerSide.SELL);
    assertThat(t.coin()).isEqualTo(new Coin("BTC"));
    assertThat(t.price()).isEqualTo(83772.6);
    // 300 contracts × 0.01 BTC
    assertThat(t.quantity()).isCloseTo(3.0, within(1e-12));
    // sz × ctVal × px = 300 × 0.01 × 83772.6
    assertThat(t.usdValue()).isCloseTo(251_317.8, within(1e-6));
    assertThat(t.time()).isEqualTo(Instant.ofEpochMilli(1790358565298L));
    assertThat(t.tradeId()).isEqualTo("7000001");
  }

  @Test
  void decode_takerBuyAndNumbersAsNumbersAreRead() {
    String frame =
        replace(
            replace(fixture("trades-swap.json"), "\"side\":\"sell\"", "\"side\":\"buy\""),
            "\"sz\":\"300\"",
            "\"sz\":300");

    Trade t = only(Trade.class, frame);

    assertThat(t.side()).isEqualTo(TakerSide.BUY);
    assertThat(t.quantity()).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void decode_docSpotTradeIsDropped() {
    Decoded decoded = decode(fixture("trades-doc-spot.json"));

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("BTC-USDT"));
  }

  @Test
  void decode_textPongAndEventsAreControlAndErrorsRejected() {
    assertThat(decode("pong")).isEqualTo(Decoded.control());
    assertThat(
            decode(
                "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"connId\":\"a4d3ae55\"}"))
        .isEqualTo(Decoded.control());
    assertThat(
            decode(
                "{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"upgrade\",\"connId\":\"a\"}"))
        .isEqualTo(Decoded.control());

    Decoded error =
        decode(
            "{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"Wrong URL or channel\",\"connId\":\"a4d3ae55\"}");

    assertThat(error.kind()).isEqualTo(Decoded.Kind.REJECTED);
    assertThat(error.error()).hasValueSatisfying(e -> assertThat(e).contains("60018", "Wrong URL"));
    assertThat(decode("{\"event\":\"surprise\"}").kind()).isEqualTo(Decoded.Kind.INVALID);
  }

  @Test
  void isSubscribeAck_recognisesOnlySubscribeEvents() {
    assertThat(protocol.acknowledgesSubscriptions()).isTrue();
    assertThat(
            protocol.isSubscribeAck(
                "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},\"connId\":\"x\"}"))
        .isTrue();
    assertThat(protocol.isSubscribeAck("{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"bad\"}"))
        .isFalse();
    assertThat(protocol.isSubscribeAck("pong")).isFalse();
  }

  @Test
  void subscribeMessages_writeLiquidationsByInstTypeAndOtherChannelsByInstId() {
    assertThat(protocol.subscribeMessages(List.of("liquidation-orders", "trades:BTC-USDT-SWAP")))
        .containsExactly(
            "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},"
                + "{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"}]}");
    assertThatThrownBy(() -> protocol.subscribeMessages(List.of("trades")))
        .isInstanceOf(IllegalArgumentException.class);
    URI base = URI.create("wss://ws.okx.com:8443/ws/v5/public");
    assertThat(protocol.endpoint(base, List.of("liquidation-orders"))).isEqualTo(base);
  }

  @Test
  void heartbeat_isATextPingInsideThirtySeconds() {
    assertThat(protocol.heartbeat())
        .contains(new StreamProtocol.Heartbeat("ping", Duration.ofSeconds(25), "pong"));
    assertThat(protocol.protocolPingInterval()).isZero();
    assertThat(protocol.maxConnectionAge()).isEmpty();
    assertThat(protocol.source()).isEqualTo("okx");
  }

  @Test
  void maxSilence_isShorterWhenTradesAreStreamed() {
    assertThat(protocol.maxSilence(List.of("liquidation-orders")))
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(protocol.maxSilence(List.of("liquidation-orders", "trades:BTC-USDT-SWAP")))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void constructor_refusesImpossibleContractValues() {
    ObjectMapper mapper = new ObjectMapper();
    InstrumentCatalog catalog = InstrumentCatalog.bundled();

    assertThatThrownBy(() -> new OkxProtocol(Map.of("BTC-USDT-SWAP", 0.0), catalog, mapper))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OkxProtocol(Map.of("BTC-USDT-SWAP", Double.NaN), catalog, mapper))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
