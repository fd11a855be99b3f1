package io.teleglas.alertbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.AlertSide;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.telegram.MessageSplitter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertHtmlTest {
  private static final Instant T = Instant.parse("2025-01-08T14:32:15Z");
  private static final Coin BTC = new Coin("BTC");

  static Liquidation liq(Exchange ex, double usd, double price, int secondsAfter) {
    return new Liquidation(
        ex,
        BTC,
        "BTCUSDT",
        PositionSide.LONG,
        price,
        usd / price,
        usd,
        T.plusSeconds(secondsAfter));
  }

  static Trade trade(double usd) {
    return new Trade(
        Exchange.BYBIT, BTC, "BTCUSDT", TakerSide.BUY, 97_000, usd / 97_000, usd, T, "t1");
  }

  static Alert alert(String rule, AlertKind kind, List<? extends MarketEvent> samples, int count) {
    double usd = samples.stream().mapToDouble(MarketEvent::usdValue).sum();
    Set<Exchange> exchanges = new HashSet<>();
    samples.forEach(e -> exchanges.add(e.exchange()));
    Instant first = samples.stream().map(MarketEvent::time).min(Instant::compareTo).orElseThrow();
    Instant last = samples.stream().map(MarketEvent::time).max(Instant::compareTo).orElseThrow();
    AlertSide side =
        samples.get(0) instanceof Trade t
            ? (t.side() == TakerSide.BUY ? AlertSide.BUY : AlertSide.SELL)
            : AlertSide.LONG;
    return new Alert(
        rule,
        rule + "|BTC|" + side,
        kind,
        BTC,
        Optional.of(side),
        usd,
        count,
        exchanges,
        first,
        last,
        List.copyOf(samples),
        List.of(),
        Optional.empty());
  }

  @Test
  void render_largeLiquidationShowsSideValuePriceVenueAndTime() {
    Rendered r =
        AlertHtml.render(
            alert(
                "large-liquidation",
                AlertKind.NEW,
                List.of(liq(Exchange.BINANCE, 850_000, 97_123.45, 0)),
                1),
            Optional.of("binance"));

    assertThat(r.html())
        .isEqualTo(
            "<b>🔴 #BTC LONG liquidated: $850.0K</b>\n"
                + "Price $97,123.45 · size 8.752 BTC\n"
                + "Binance · BTCUSDT\n"
                + "🕒 14:32:15 UTC · via binance");
    assertThat(r.summary())
        .isEqualTo("🔴 #BTC LONG liquidated <b>$850.0K</b> · Binance · 14:32:15 UTC");
  }

  @Test
  void render_whaleTradeShowsTakerSide() {
    Rendered r =
        AlertHtml.render(alert("whale-trade", AlertKind.NEW, List.of(trade(1_200_000)), 1));

    assertThat(r.plain())
        .isEqualTo(
            "🐋 #BTC whale BUY 🟢: $1.20M\n"
                + "Price $97,000.00 · size 12.37 BTC\n"
                + "Bybit · BTCUSDT\n"
                + "🕒 14:32:15 UTC");
  }

  @Test
  void render_stormShowsTotalsSpanExchangesAndLargestFirst() {
    List<Liquidation> largest =
        List.of(
            liq(Exchange.BINANCE, 1_100_000, 97_100, 0),
            liq(Exchange.BYBIT, 800_000, 97_050, 12),
            liq(Exchange.OKX, 300_000, 97_000, 24));
    Rendered r = AlertHtml.render(alert("liquidation-storm", AlertKind.UPDATE, largest, 3));

    assertThat(r.plain())
        .isEqualTo(
            "🌪 #BTC liquidation storm: 🔴 longs liquidated\n"
                + "$2.20M in 3 liquidations over 24s\n"
                + "Binance, Bybit, OKX\n"
                + "Largest:\n"
                + "• 🔴 $1.10M · Binance @ $97,100.00\n"
                + "• 🔴 $800.0K · Bybit @ $97,050.00\n"
                + "• 🔴 $300.0K · OKX @ $97,000.00\n"
                + "🕒 14:32:15 → 14:32:39 UTC · ongoing");
    assertThat(r.summary())
        .isEqualTo("🌪 #BTC storm, longs liquidated: <b>$2.20M</b> in 3 · 14:32:39 UTC");
  }

  @Test
  void render_resolvedStormSaysItEndedWithFinalTotals() {
    Rendered r =
        AlertHtml.render(
            alert(
                "liquidation-storm",
                AlertKind.RESOLVED,
                List.of(
                    liq(Exchange.BINANCE, 2_000_000, 97_100, 0),
                    liq(Exchange.OKX, 1_000_000, 97_000, 30)),
                9));

    assertThat(r.plain())
        .startsWith("✅ #BTC liquidation storm over: 🔴 longs liquidated\n")
        .contains("Final: $3.00M in 9 liquidations over 30s")
        .endsWith("🕒 14:32:15 → 14:32:45 UTC");
    assertThat(r.summary()).startsWith("✅ #BTC storm over, longs liquidated:");
  }

  @Test
  void render_escalationIsMarkedAboveTheRuleLayout() {
    Rendered r =
        AlertHtml.render(
            alert(
                "large-liquidation",
                AlertKind.ESCALATION,
                List.of(liq(Exchange.BINANCE, 5_000_000, 97_000, 0)),
                1));

    assertThat(r.plain())
        .startsWith(
            "⏫ Escalation: far larger than the last alert\n🔴 #BTC LONG liquidated: $5.00M");
    assertThat(r.summary()).startsWith("⏫ 🔴 #BTC LONG liquidated");
  }

  @Test
  void render_unknownRuleGetsTheGenericLayoutFromTheAlertsFields() {
    Rendered r =
        AlertHtml.render(
            alert("whale-sweep", AlertKind.NEW, List.of(trade(2_000_000), trade(1_000_000)), 4));

    assertThat(r.plain())
        .isEqualTo(
            "🔔 #BTC whale sweep · BUY 🟢\n"
                + "$3.00M in 4 events over 0s\n"
                + "Bybit\n"
                + "Largest:\n"
                + "• 🟢 BUY $2.00M · Bybit @ $97,000.00\n"
                + "• 🟢 BUY $1.00M · Bybit @ $97,000.00\n"
                + "🕒 14:32:15 UTC");
  }

  @Test
  void render_escapesHostileUpstreamText() {
    Liquidation hostile =
        new Liquidation(
            new Exchange("Evil\"Ex"), BTC, "<b>BTC</b>&amp;", PositionSide.SHORT, 1, 1000, 1000, T);
    Rendered r =
        AlertHtml.render(
            alert("<script>", AlertKind.NEW, List.of(hostile), 1), Optional.of("<i>src</i>"));

    assertThat(r.html())
        .contains("Evil&quot;Ex", "&lt;script&gt;", "&lt;i&gt;src&lt;/i&gt;")
        .doesNotContain("<script>", "<i>src");
    Rendered event = AlertHtml.event(hostile, Optional.empty());
    assertThat(event.html()).contains("&lt;b&gt;BTC&lt;/b&gt;&amp;amp;");
    assertThat(new MessageSplitter().split(event.html())).hasSize(1);
  }

  @Test
  void render_staysUnderTelegramsLimitWithManyExchangesAndSamples() {
    List<Liquidation> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(liq(new Exchange("\"Exchange\"\"\"\"\"\"\"\"" + i), 1000 + i, 1, i));
    }
    Rendered r = AlertHtml.render(alert("market-cascade", AlertKind.UPDATE, many, 300));

    assertThat(r.html().length()).isLessThanOrEqualTo(MessageSplitter.MAX_LENGTH);
    assertThat(r.plain()).contains("+294 more").contains("Largest:");
    assertThat(r.plain().lines().filter(l -> l.startsWith("• "))).hasSize(Parts.MAX_SAMPLES);
    assertThat(r.summary()).doesNotContain("\n");
  }

  @Test
  void plain_isWhatTheChatShows() {
    Alert a = alert("whale-trade", AlertKind.NEW, List.of(trade(1_200_000)), 1);

    assertThat(AlertHtml.plain(a)).startsWith("🐋 #BTC whale BUY").doesNotContain("<b>");
  }
}
