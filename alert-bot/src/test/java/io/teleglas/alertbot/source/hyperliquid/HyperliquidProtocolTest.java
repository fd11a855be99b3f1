package io.teleglas.alertbot.source.hyperliquid;

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
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fixtures from market-apis.md §C.4: the third-party captured {@code trades} message (PURR) that
 * follows the [HL-SITE] {@code WsTrade} definition, and the [HL-SITE] {@code websocket} page's
 * {@code subscriptionResponse} example.
 */
class HyperliquidProtocolTest extends DecoderRobustness {

  private final HyperliquidProtocol protocol =
      new HyperliquidProtocol(InstrumentCatalog.bundled(), new ObjectMapper());

  @Override
  protected StreamProtocol protocol() {
    return protocol;
  }

  @Override
  protected String dataFrame() {
    return fixture("trades-purr.json");
  }

  @Override
  protected String unknownChannelFrame() {
    return "{\"channel\":\"l2Book\",\"data\":{\"coin\":\"BTC\",\"time\":1,\"levels\":[[],[]]}}";
  }

  private static String fixture(String name) {
    return Fixtures.text(HyperliquidProtocolTest.class, name);
  }

  private static String trades(String... items) {
    return "{\"channel\":\"trades\",\"data\":[" + String.join(",", items) + "]}";
  }

  private static String trade(String coin, String side, String px, String sz, long tid) {
    return "{\"coin\":\"%s\",\"side\":\"%s\",\"px\":\"%s\",\"sz\":\"%s\",\"time\":1736985608767,\"hash\":\"0x00\",\"tid\":%d,\"users\":[\"0xa\",\"0xb\"]}"
        .formatted(coin, side, px, sz, tid);
  }

  private Trade onlyTrade(String frame) {
    Decoded decoded = decode(frame);
    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).hasSize(1);
    return (Trade) decoded.events().get(0);
  }

  @Test
  void decode_capturedTradeSideAIsATakerSellWorthPriceTimesSize() {
    Trade t = onlyTrade(fixture("trades-purr.json"));

    assertThat(t.exchange()).isEqualTo(Exchange.HYPERLIQUID);
    assertThat(t.coin()).isEqualTo(new Coin("PURR"));
    assertThat(t.instrument()).isEqualTo("PURR");
    assertThat(t.side()).isEqualTo(TakerSide.SELL);
    assertThat(t.price()).isEqualTo(0.27899);
    assertThat(t.quantity()).isEqualTo(40.0);
    // px × sz = 0.27899 × 40
    assertThat(t.usdValue()).isCloseTo(11.1596, within(1e-9));
    assertThat(t.time()).isEqualTo(Instant.ofEpochMilli(1736985608767L));
    assertThat(t.tradeId()).isEqualTo("344983419729275");
  }

  @Test
  void decode_sideBIsATakerBuy() {
    String frame = replace(fixture("trades-purr.json"), "\"side\":\"A\"", "\"side\":\"B\"");

    assertThat(onlyTrade(frame).side()).isEqualTo(TakerSide.BUY);
  }

  @Test
  void decode_kPepeIsConvertedToCoins() {
    Trade t = onlyTrade(trades(trade("kPEPE", "B", "0.012", "100000", 7)));

    assertThat(t.coin()).isEqualTo(new Coin("PEPE"));
    assertThat(t.instrument()).isEqualTo("kPEPE");
    assertThat(t.price()).isCloseTo(0.000012, within(1e-15));
    assertThat(t.quantity()).isEqualTo(100_000_000.0);
    assertThat(t.usdValue()).isCloseTo(1200.0, within(1e-9));
  }

  @Test
  void decode_namesOutsideTheCatalogAndTheRuleAreDropped() {
    for (String coin : List.of("kFOO", "@107", "PURR/USDC", "btc")) {
      Decoded decoded = decode(trades(trade(coin, "B", "1", "1", 1)));

      assertThat(decoded.kind()).as(coin).isEqualTo(Decoded.Kind.INVALID);
      assertThat(decoded.dropped()).as(coin).isEqualTo(1);
    }
  }

  @Test
  void decode_replayedTradesAreAllReturnedEachWithItsTid() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      items.add(trade("BTC", i % 2 == 0 ? "B" : "A", "97000", "0.01", 900_000_000_000L + i));
    }
    String replay = trades(items.toArray(String[]::new));

    Decoded first = decode(replay);
    Decoded again = decode(replay);

    assertThat(first.events()).hasSize(30);
    assertThat(first.events())
        .extracting(e -> ((Trade) e).tradeId())
        .doesNotHaveDuplicates()
        .contains("900000000000", "900000000029");
    assertThat(again.events()).isEqualTo(first.events());
  }

  @Test
  void decode_tidAsTextAndPricesAsNumbersAreRead() {
    String frame =
        replace(
            replace(
                fixture("trades-purr.json"),
                "\"tid\":344983419729275",
                "\"tid\":\"344983419729275\""),
            "\"px\":\"0.27899\"",
            "\"px\":0.27899");

    assertThat(onlyTrade(frame).tradeId()).isEqualTo("344983419729275");
  }

  @Test
  void decode_tradeWithoutTidIsDropped() {
    String frame = replace(fixture("trades-purr.json"), "\"tid\":344983419729275,", "");

    Decoded decoded = decode(frame);

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("tid"));
  }

  @Test
  void decode_impossibleNumbersAreDropped() {
    for (String item :
        List.of(
            trade("BTC", "B", "NaN", "1", 1),
            trade("BTC", "B", "97000", "-1", 1),
            trade("BTC", "B", "1e300", "1", 1),
            trade("BTC", "B", "97000", "1e300", 1),
            trade("BTC", "X", "97000", "1", 1))) {
      assertThat(decode(trades(item)).kind()).as(item).isEqualTo(Decoded.Kind.INVALID);
    }
  }

  @Test
  void decode_batchWithOneBadItemKeepsTheOthers() {
    Decoded decoded =
        decode(
            trades(
                trade("BTC", "B", "97000", "1", 1),
                trade("ETH", "B", "NaN", "1", 2),
                trade("ETH", "A", "3500", "2", 3)));

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).extracting(MarketEvent::usdValue).containsExactly(97000.0, 7000.0);
    assertThat(decoded.dropped()).isEqualTo(1);
  }

  @Test
  void decode_subscriptionResponseAndPongAreControlAndErrorsRejected() {
    assertThat(decode(fixture("subscription-response-doc.json"))).isEqualTo(Decoded.control());
    assertThat(decode("{\"channel\":\"pong\"}")).isEqualTo(Decoded.control());

    Decoded error = decode("{\"channel\":\"error\",\"data\":\"Invalid subscription\"}");

    assertThat(error.kind()).isEqualTo(Decoded.Kind.REJECTED);
    assertThat(error.error())
        .hasValueSatisfying(e -> assertThat(e).contains("Invalid subscription"));
  }

  @Test
  void isSubscribeAck_recognisesTheSubscriptionResponse() {
    assertThat(protocol.acknowledgesSubscriptions()).isTrue();
    assertThat(protocol.isSubscribeAck(fixture("subscription-response-doc.json"))).isTrue();
    assertThat(protocol.isSubscribeAck("{\"channel\":\"pong\"}")).isFalse();
    assertThat(protocol.isSubscribeAck(fixture("trades-purr.json"))).isFalse();
  }

  @Test
  void subscribeMessages_isOneTradesSubscriptionPerCoin() {
    assertThat(protocol.subscribeMessages(List.of("trades:BTC", "trades:kPEPE")))
        .containsExactly(
            "{\"method\":\"subscribe\",\"subscription\":{\"type\":\"trades\",\"coin\":\"BTC\"}}",
            "{\"method\":\"subscribe\",\"subscription\":{\"type\":\"trades\",\"coin\":\"kPEPE\"}}");
    assertThatThrownBy(() -> protocol.subscribeMessages(List.of("BTC")))
        .isInstanceOf(IllegalArgumentException.class);
    URI base = URI.create("wss://api.hyperliquid.xyz/ws");
    assertThat(protocol.endpoint(base, List.of("trades:BTC"))).isEqualTo(base);
  }

  @Test
  void heartbeat_isAJsonPingEveryThirtySeconds() {
    assertThat(protocol.heartbeat())
        .contains(
            new StreamProtocol.Heartbeat(
                "{\"method\":\"ping\"}", Duration.ofSeconds(30), "{\"channel\":\"pong\"}"));
    assertThat(protocol.protocolPingInterval()).isZero();
    assertThat(protocol.maxConnectionAge()).isEmpty();
    assertThat(protocol.maxSilence(List.of("trades:BTC"))).isEqualTo(Duration.ofSeconds(60));
    assertThat(protocol.source()).isEqualTo("hyperliquid");
  }
}
