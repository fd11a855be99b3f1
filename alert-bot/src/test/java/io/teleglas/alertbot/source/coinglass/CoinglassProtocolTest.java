package io.teleglas.alertbot.source.coinglass;

import static io.teleglas.alertbot.source.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.source.DecoderRobustness;
import io.teleglas.alertbot.source.Fixtures;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.StreamProtocol;
import io.teleglas.core.config.Secret;
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
 * Fixtures are the CoinGlass WebSocket doc samples quoted in market-apis.md: §B.3 shape 1
 * ([CG-DOCS] {@code web-socket-api.md}) and shape 2 ([CG-SITE] {@code ws-liquidation-order}), §B.4
 * futures trades in both spellings and the futures ticker; the docs' {@code //side=...} comments
 * are removed.
 */
class CoinglassProtocolTest extends DecoderRobustness {

  private static final InstrumentCatalog CATALOG = InstrumentCatalog.bundled();
  private static final Instant DOC_TIME = Instant.ofEpochMilli(1725416318379L);

  private final CoinglassProtocol protocol =
      new CoinglassProtocol(Secret.of("k3y/+="), CATALOG, new ObjectMapper());

  @Override
  protected StreamProtocol protocol() {
    return protocol;
  }

  @Override
  protected String dataFrame() {
    return fixture("liquidation-orders-camel.json");
  }

  @Override
  protected String unknownChannelFrame() {
    return fixture("futures-ticker.json");
  }

  private static String fixture(String name) {
    return Fixtures.text(CoinglassProtocolTest.class, name);
  }

  private static Liquidation onlyLiquidation(Decoded decoded) {
    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(1);
    return (Liquidation) decoded.events().get(0);
  }

  private static Trade onlyTrade(Decoded decoded) {
    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(1);
    return (Trade) decoded.events().get(0);
  }

  private static void assertDocLiquidation(Liquidation l) {
    assertThat(l.exchange()).isEqualTo(Exchange.BINANCE);
    assertThat(l.coin()).isEqualTo(new Coin("BTC"));
    assertThat(l.instrument()).isEqualTo("BTCUSDT");
    assertThat(l.side()).isEqualTo(PositionSide.SHORT);
    assertThat(l.price()).isEqualTo(56738.0);
    assertThat(l.usdValue()).isEqualTo(3858.184);
    assertThat(l.quantity()).isCloseTo(3858.184 / 56738.0, within(1e-12));
    assertThat(l.time()).isEqualTo(DOC_TIME);
  }

  @Test
  void decode_camelCaseLiquidationSideTwoIsAShortLiquidation() {
    assertDocLiquidation(onlyLiquidation(decode(fixture("liquidation-orders-camel.json"))));
  }

  @Test
  void decode_snakeCaseLiquidationReadsTheSameFields() {
    assertDocLiquidation(onlyLiquidation(decode(fixture("liquidation-orders-snake.json"))));
  }

  @Test
  void decode_eitherChannelNameIsReadWhicheverIsConfigured() {
    CoinglassProtocol snake =
        new CoinglassProtocol(Secret.of("k"), "liquidation_orders", CATALOG, new ObjectMapper());

    assertDocLiquidation(
        onlyLiquidation(snake.decode(fixture("liquidation-orders-camel.json"), RECEIVED)));
    assertDocLiquidation(
        onlyLiquidation(snake.decode(fixture("liquidation-orders-snake.json"), RECEIVED)));
  }

  @Test
  void decode_aConfiguredChannelNameIsALiquidationChannel() {
    CoinglassProtocol renamed =
        new CoinglassProtocol(Secret.of("k"), "liquidation_v2", CATALOG, new ObjectMapper());
    String frame =
        replace(
            fixture("liquidation-orders-camel.json"),
            "\"liquidationOrders\"",
            "\"liquidation_v2\"");

    assertDocLiquidation(onlyLiquidation(renamed.decode(frame, RECEIVED)));
    assertThat(decode(frame).kind()).isEqualTo(Decoded.Kind.INVALID);
  }

  @Test
  void decode_sideOneIsALongLiquidation() {
    String frame = replace(fixture("liquidation-orders-camel.json"), "\"side\": 2", "\"side\": 1");

    assertThat(onlyLiquidation(decode(frame)).side()).isEqualTo(PositionSide.LONG);
  }

  @Test
  void decode_unknownSideCodeIsDropped() {
    String frame = replace(fixture("liquidation-orders-camel.json"), "\"side\": 2", "\"side\": 3");

    Decoded decoded = decode(frame);

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.dropped()).isEqualTo(1);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("side"));
  }

  @Test
  void decode_futuresTradeSideTwoIsATakerBuy() {
    Trade t = onlyTrade(decode(fixture("futures-trades-camel.json")));

    assertThat(t.side()).isEqualTo(TakerSide.BUY);
    assertThat(t.exchange()).isEqualTo(Exchange.BINANCE);
    assertThat(t.coin()).isEqualTo(new Coin("BTC"));
    assertThat(t.price()).isEqualTo(56738.0);
    assertThat(t.usdValue()).isEqualTo(3858.184);
    assertThat(t.time()).isEqualTo(DOC_TIME);
    assertThat(t.tradeId()).isEmpty();
  }

  @Test
  void decode_snakeCaseFuturesTradeSideOneIsATakerSell() {
    String frame = replace(fixture("futures-trades-snake.json"), "\"side\": 2", "\"side\": 1");

    Trade t = onlyTrade(decode(frame));

    assertThat(t.side()).isEqualTo(TakerSide.SELL);
    assertThat(t.usdValue()).isEqualTo(3858.184);
  }

  @Test
  void decode_numbersAsStringsAreRead() {
    String frame =
        replace(
            replace(fixture("liquidation-orders-camel.json"), "56738.00", "\"56738.00\""),
            "3858.18400",
            "\"3858.18400\"");

    assertDocLiquidation(onlyLiquidation(decode(frame)));
  }

  @Test
  void decode_nanPriceIsDropped() {
    String frame = replace(fixture("liquidation-orders-camel.json"), "56738.00", "\"NaN\"");

    Decoded decoded = decode(frame);

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.dropped()).isEqualTo(1);
  }

  @Test
  void decode_negativeUsdValueIsDropped() {
    String frame = replace(fixture("liquidation-orders-camel.json"), "3858.18400", "-3858.184");

    assertThat(decode(frame).kind()).isEqualTo(Decoded.Kind.INVALID);
  }

  @Test
  void decode_hugeNumbersAreDropped() {
    String hugeUsd = replace(fixture("futures-trades-camel.json"), "3858.18400", "1e300");
    String hugePrice = replace(fixture("futures-trades-camel.json"), "56738.00", "1e300");

    assertThat(decode(hugeUsd).kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decode(hugePrice).kind()).isEqualTo(Decoded.Kind.INVALID);
  }

  @Test
  void decode_missingTimeIsDropped() {
    String frame =
        replace(fixture("liquidation-orders-camel.json"), "\"time\": 1725416318379,", "");

    Decoded decoded = decode(frame);

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("time"));
  }

  @Test
  void decode_batchWithOneBadItemKeepsTheOthers() {
    String good =
        "{\"baseAsset\":\"ETH\",\"exName\":\"OKX\",\"price\":\"2500\",\"side\":1,"
            + "\"symbol\":\"ETH-USDT-SWAP\",\"time\":1725416318380,\"volUsd\":\"50000\"}";
    String bad =
        "{\"baseAsset\":\"ETH\",\"exName\":\"OKX\",\"side\":1,\"symbol\":\"ETH-USDT-SWAP\"}";
    String frame =
        "{\"channel\":\"liquidationOrders\",\"data\":[" + good + "," + bad + "," + good + "]}";

    Decoded decoded = decode(frame);

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(2);
    assertThat(decoded.dropped()).isEqualTo(1);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("data[1]"));
    Liquidation l = (Liquidation) decoded.events().get(0);
    assertThat(l.exchange()).isEqualTo(Exchange.OKX);
    assertThat(l.side()).isEqualTo(PositionSide.LONG);
    assertThat(l.quantity()).isEqualTo(20.0);
  }

  @Test
  void decode_emptyBatchIsDataWithoutEvents() {
    Decoded decoded = decode("{\"channel\":\"liquidation_orders\",\"data\":[]}");

    assertThat(decoded).isEqualTo(Decoded.data(List.of()));
  }

  @Test
  void decode_multiplierContractIsConvertedToCoins() {
    String frame =
        "{\"channel\":\"liquidationOrders\",\"data\":[{\"baseAsset\":\"PEPE\",\"exName\":\"Binance\","
            + "\"price\":0.012,\"side\":1,\"symbol\":\"1000PEPEUSDT\",\"time\":1725416318379,"
            + "\"volUsd\":1200}]}";

    Liquidation l = onlyLiquidation(decode(frame));

    assertThat(l.coin()).isEqualTo(new Coin("PEPE"));
    assertThat(l.instrument()).isEqualTo("1000PEPEUSDT");
    assertThat(l.price()).isCloseTo(0.000012, within(1e-15));
    assertThat(l.quantity()).isCloseTo(100_000_000.0, within(1e-3));
    assertThat(l.usdValue()).isEqualTo(1200.0);
  }

  @Test
  void decode_contractOfUnknownSizeIsDropped() {
    String template =
        "{\"channel\":\"liquidationOrders\",\"data\":[{\"baseAsset\":\"%s\",\"exName\":\"Bitget\","
            + "\"price\":0.012,\"side\":1,\"symbol\":\"%s\",\"time\":1725416318379,\"volUsd\":1200}]}";

    assertThat(decode(template.formatted("PEPE", "1000PEPEUSDT")).kind())
        .isEqualTo(Decoded.Kind.INVALID);
    assertThat(decode(template.formatted("XYZ", "1000XYZUSDT")).kind())
        .isEqualTo(Decoded.Kind.INVALID);
    assertThat(decode(template.formatted("PEPE", "PEPEUSDT")).kind())
        .isEqualTo(Decoded.Kind.INVALID);
  }

  @Test
  void decode_plainCoinOnAnotherExchangeIsKept() {
    String frame =
        replace(
            fixture("liquidation-orders-camel.json"),
            "\"exName\": \"Binance\"",
            "\"exName\": \"bitget\"");

    Liquidation l = onlyLiquidation(decode(frame));

    assertThat(l.exchange()).isEqualTo(Exchange.of("Bitget"));
    assertThat(l.price()).isEqualTo(56738.0);
  }

  @Test
  void decode_pongIsControl() {
    assertThat(decode("pong")).isEqualTo(Decoded.control());
  }

  @Test
  void endpoint_appendsTheUrlEncodedKey() {
    URI endpoint =
        protocol.endpoint(
            URI.create("wss://open-ws.coinglass.com/ws-api"), List.of("liquidationOrders"));

    assertThat(endpoint).hasToString("wss://open-ws.coinglass.com/ws-api?cg-api-key=k3y%2F%2B%3D");
  }

  @Test
  void subscribeMessages_useTheDocumentedMethodAndChannels() {
    List<String> messages =
        protocol.subscribeMessages(
            List.of(
                protocol.liquidationChannel(),
                CoinglassProtocol.tradesChannel(Exchange.BINANCE, "BTCUSDT", 10_000)));

    assertThat(messages)
        .containsExactly(
            "{\"method\":\"subscribe\",\"channels\":[\"liquidationOrders\","
                + "\"futures_trades@Binance_BTCUSDT@10000\"]}");
  }

  @Test
  void heartbeat_isATextPingEveryTwentySeconds() {
    assertThat(protocol.heartbeat())
        .contains(new StreamProtocol.Heartbeat("ping", Duration.ofSeconds(20), "pong"));
    assertThat(protocol.protocolPingInterval()).isZero();
  }

  @Test
  void subscriptions_areNotAcknowledged() {
    assertThat(protocol.acknowledgesSubscriptions()).isFalse();
    assertThat(protocol.isSubscribeAck("{\"method\":\"subscribe\",\"success\":true}")).isFalse();
  }

  @Test
  void maxSilence_followsTheBusiestChannel() {
    String trades = CoinglassProtocol.tradesChannel(Exchange.BINANCE, "BTCUSDT", 10_000);

    assertThat(protocol.maxSilence(List.of("liquidationOrders", trades)))
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(protocol.maxSilence(List.of("liquidation_orders")))
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(protocol.maxSilence(List.of(trades))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void identity_isCoinglassWithoutAgeLimit() {
    assertThat(protocol.source()).isEqualTo("coinglass");
    assertThat(protocol.maxConnectionAge()).isEmpty();
  }
}
