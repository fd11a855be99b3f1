package io.teleglas.alertbot.source.bybit;

import static io.teleglas.alertbot.source.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;
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
 * Fixtures are the Bybit v5 doc samples quoted in market-apis.md §C.2 ([BYBIT-DOCS] {@code
 * all-liquidation.mdx}, {@code trade.mdx}, {@code wss-authentication.mdx} pong and subscribe ack),
 * and the last sample of the removed {@code liquidation.{symbol}} topic.
 */
class BybitProtocolTest extends DecoderRobustness {

  private final BybitProtocol protocol =
      new BybitProtocol(InstrumentCatalog.bundled(), new ObjectMapper());

  @Override
  protected StreamProtocol protocol() {
    return protocol;
  }

  @Override
  protected String dataFrame() {
    return fixture("all-liquidation-doc.json");
  }

  @Override
  protected String unknownChannelFrame() {
    return fixture("removed-liquidation-topic.json");
  }

  private static String fixture(String name) {
    return Fixtures.text(BybitProtocolTest.class, name);
  }

  private static String trades(String... items) {
    return "{\"topic\":\"publicTrade.X\",\"type\":\"snapshot\",\"ts\":1,\"data\":["
        + String.join(",", items)
        + "]}";
  }

  private static String trade(String symbol, String side, String size, String price) {
    return "{\"T\":1700000000000,\"s\":\""
        + symbol
        + "\",\"S\":\""
        + side
        + "\",\"v\":\""
        + size
        + "\",\"p\":\""
        + price
        + "\",\"i\":\"id-"
        + symbol
        + "\"}";
  }

  private <T> T only(Class<T> type, String frame) {
    Decoded decoded = decode(frame);
    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(1);
    return type.cast(decoded.events().get(0));
  }

  @Test
  void decode_docLiquidationSellIsAShortPositionWorthSizeTimesBankruptcyPrice() {
    Liquidation l = only(Liquidation.class, fixture("all-liquidation-doc.json"));

    assertThat(l.exchange()).isEqualTo(Exchange.BYBIT);
    assertThat(l.coin()).isEqualTo(new Coin("ROSE"));
    assertThat(l.instrument()).isEqualTo("ROSEUSDT");
    assertThat(l.side()).isEqualTo(PositionSide.SHORT);
    assertThat(l.price()).isEqualTo(0.04499);
    assertThat(l.quantity()).isEqualTo(20000.0);
    // v × p = 20000 × 0.04499
    assertThat(l.usdValue()).isCloseTo(899.8, within(1e-9));
    assertThat(l.time()).isEqualTo(Instant.ofEpochMilli(1739502302929L));
  }

  @Test
  void decode_liquidationBuyIsALongPosition() {
    String frame = replace(fixture("all-liquidation-doc.json"), "\"Sell\"", "\"Buy\"");

    assertThat(only(Liquidation.class, frame).side()).isEqualTo(PositionSide.LONG);
  }

  @Test
  void decode_docTradeSideIsTheTakers() {
    Trade t = only(Trade.class, fixture("public-trade-doc.json"));

    assertThat(t.side()).isEqualTo(TakerSide.BUY);
    assertThat(t.coin()).isEqualTo(new Coin("BTC"));
    assertThat(t.price()).isEqualTo(16578.5);
    assertThat(t.quantity()).isEqualTo(0.001);
    // v × p = 0.001 × 16578.50
    assertThat(t.usdValue()).isCloseTo(16.5785, within(1e-9));
    assertThat(t.time()).isEqualTo(Instant.ofEpochMilli(1672304486865L));
    assertThat(t.tradeId()).isEqualTo("20f43950-d8dd-5b31-9112-a178eb6023af");
  }

  @Test
  void decode_tradeSellIsATakerSell() {
    String frame = replace(fixture("public-trade-doc.json"), "\"Buy\"", "\"Sell\"");

    assertThat(only(Trade.class, frame).side()).isEqualTo(TakerSide.SELL);
  }

  @Test
  void decode_numbersAsNumbersAreRead() {
    String frame =
        replace(
            replace(fixture("all-liquidation-doc.json"), "\"20000\"", "20000"),
            "\"0.04499\"",
            "0.04499");

    assertThat(only(Liquidation.class, frame).usdValue()).isCloseTo(899.8, within(1e-9));
  }

  @Test
  void decode_multiplierContractsAreConvertedToCoins() {
    Trade shib = only(Trade.class, trades(trade("SHIB1000USDT", "Sell", "1000000", "0.012")));

    assertThat(shib.coin()).isEqualTo(new Coin("SHIB"));
    assertThat(shib.price()).isCloseTo(0.000012, within(1e-15));
    assertThat(shib.quantity()).isEqualTo(1_000_000_000.0);
    assertThat(shib.usdValue()).isCloseTo(12_000.0, within(1e-6));
  }

  @Test
  void decode_batchWithOneBadItemKeepsTheOthers() {
    Decoded decoded =
        decode(
            trades(
                trade("BTCUSDT", "Buy", "1", "60000"),
                trade("BTCUSDT", "Buy", "1", "NaN"),
                trade("ETHUSDT", "Sell", "10", "3000")));

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).extracting(e -> e.coin().symbol()).containsExactly("BTC", "ETH");
    assertThat(decoded.dropped()).isEqualTo(1);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("data[1]"));
  }

  @Test
  void decode_impossibleValuesAreDropped() {
    for (String item :
        List.of(
            trade("BTCUSDT", "Buy", "-1", "60000"),
            trade("BTCUSDT", "Buy", "1", "1e300"),
            trade("BTCUSDT", "Buy", "1e300", "60000"),
            trade("BTCUSDT", "Up", "1", "60000"),
            trade("1000FOOUSDT", "Buy", "1", "1"),
            trade("BTCUSDT", "Buy", "1", "60000").replace(",\"i\":\"id-BTCUSDT\"", ""),
            trade("BTCUSDT", "Buy", "1", "60000").replace("\"T\":1700000000000,", ""))) {
      Decoded decoded = decode(trades(item));

      assertThat(decoded.kind()).as(item).isEqualTo(Decoded.Kind.INVALID);
      assertThat(decoded.dropped()).as(item).isEqualTo(1);
    }
  }

  @Test
  void decode_dataObjectInsteadOfArrayIsInvalid() {
    String frame =
        replace(fixture("removed-liquidation-topic.json"), "liquidation.", "allLiquidation.");

    assertThat(decode(frame).kind()).isEqualTo(Decoded.Kind.INVALID);
  }

  @Test
  void decode_pongAndSubscribeAckAreControl() {
    assertThat(decode(fixture("pong-doc.json"))).isEqualTo(Decoded.control());
    assertThat(decode(fixture("subscribe-ack-doc.json"))).isEqualTo(Decoded.control());
  }

  @Test
  void decode_failedSubscribeIsRejected() {
    String failed =
        replace(
            fixture("subscribe-ack-doc.json"),
            "\"success\": true, \"ret_msg\": \"\"",
            "\"success\": false, \"ret_msg\": \"error:handler not found\"");

    Decoded decoded = decode(failed);

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.REJECTED);
    assertThat(decoded.error())
        .hasValueSatisfying(e -> assertThat(e).contains("handler not found"));
    assertThat(protocol.isSubscribeAck(failed)).isFalse();
  }

  @Test
  void decode_unknownOpIsInvalid() {
    assertThat(decode("{\"op\":\"auth\",\"success\":true}").kind()).isEqualTo(Decoded.Kind.INVALID);
  }

  @Test
  void isSubscribeAck_recognisesTheDocumentedAck() {
    assertThat(protocol.acknowledgesSubscriptions()).isTrue();
    assertThat(protocol.isSubscribeAck(fixture("subscribe-ack-doc.json"))).isTrue();
    assertThat(protocol.isSubscribeAck(fixture("pong-doc.json"))).isFalse();
    assertThat(protocol.isSubscribeAck("not json")).isFalse();
  }

  @Test
  void subscribeMessages_isOneOpSubscribeWithEveryTopic() {
    assertThat(protocol.subscribeMessages(List.of("allLiquidation.BTCUSDT", "publicTrade.BTCUSDT")))
        .containsExactly(
            "{\"op\":\"subscribe\",\"args\":[\"allLiquidation.BTCUSDT\",\"publicTrade.BTCUSDT\"]}");
    URI base = URI.create("wss://stream.bybit.com/v5/public/linear");
    assertThat(protocol.endpoint(base, List.of("publicTrade.BTCUSDT"))).isEqualTo(base);
  }

  @Test
  void heartbeat_isAJsonPingEveryTwentySeconds() {
    assertThat(protocol.heartbeat())
        .contains(
            new StreamProtocol.Heartbeat("{\"op\":\"ping\"}", Duration.ofSeconds(20), "pong"));
    assertThat(fixture("pong-doc.json")).contains("pong");
    assertThat(protocol.protocolPingInterval()).isZero();
    assertThat(protocol.maxConnectionAge()).isEmpty();
    assertThat(protocol.source()).isEqualTo("bybit");
  }

  @Test
  void maxSilence_isLongForOneSymbolsLiquidationsOnly() {
    assertThat(protocol.maxSilence(List.of("allLiquidation.BTCUSDT")))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(protocol.maxSilence(List.of("allLiquidation.BTCUSDT", "publicTrade.BTCUSDT")))
        .isEqualTo(Duration.ofSeconds(30));
  }
}
