package io.teleglas.alertbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.AlertSide;
import io.teleglas.alertbot.alert.CoinTotal;
import io.teleglas.alertbot.alert.Reading;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.telegram.MessageSplitter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layouts of funding-extreme, oi-spike, market-cascade and whale-cluster alerts. */
class MarketAlertHtmlTest {
  private static final Instant T = Instant.parse("2025-01-08T14:32:15Z");
  private static final Coin BTC = new Coin("BTC");

  static Alert funding(
      AlertKind kind,
      AlertSide side,
      Exchange exchange,
      double rate,
      Duration interval,
      double threshold,
      double openInterest,
      String source) {
    double per8h = rate * (Duration.ofHours(8).toNanos() / (double) interval.toNanos());
    return new Alert(
        "funding-extreme",
        "funding-extreme|BTC|" + exchange.name(),
        kind,
        BTC,
        Optional.of(side),
        openInterest,
        1,
        Set.of(exchange),
        T,
        T,
        List.of(),
        List.of(),
        Optional.of(new Reading.Funding(exchange, rate, interval, per8h, threshold, source, T)));
  }

  static Alert openInterest(AlertKind kind, double before, double after, String source) {
    Reading.OpenInterestChange change =
        new Reading.OpenInterestChange(
            Set.of(Exchange.BINANCE, Exchange.BYBIT),
            before,
            after,
            T,
            T.plus(Duration.ofMinutes(15)),
            source);
    return new Alert(
        "oi-spike",
        "oi-spike|BTC",
        kind,
        BTC,
        Optional.empty(),
        after,
        2,
        change.exchanges(),
        change.beforeTime(),
        change.afterTime(),
        List.of(),
        List.of(),
        Optional.of(change));
  }

  static Alert cascade(AlertKind kind, List<CoinTotal> breakdown, double total, int count) {
    Liquidation largest =
        new Liquidation(
            Exchange.BINANCE, BTC, "BTCUSDT", PositionSide.LONG, 97_000, 20, 1_940_000, T);
    return new Alert(
        "market-cascade",
        "market-cascade|LONG",
        kind,
        breakdown.get(0).coin(),
        Optional.of(AlertSide.LONG),
        total,
        count,
        Set.of(Exchange.BINANCE, Exchange.BYBIT, Exchange.OKX),
        T,
        T.plusSeconds(48),
        List.of(largest),
        breakdown,
        Optional.empty());
  }

  static List<CoinTotal> sixCoins() {
    return List.of(
        new CoinTotal(BTC, 5_200_000, 21),
        new CoinTotal(new Coin("ETH"), 3_100_000, 30),
        new CoinTotal(new Coin("SOL"), 1_000_000, 8),
        new CoinTotal(new Coin("DOGE"), 800_000, 12),
        new CoinTotal(new Coin("WIF"), 500_000, 9),
        new CoinTotal(new Coin("PEPE"), 300_000, 1));
  }

  @Test
  void funding_newShowsWhoPaysRatePerIntervalPer8hAnnualizedLevelAndOpenInterest() {
    Rendered r =
        AlertHtml.render(
            funding(
                AlertKind.NEW,
                AlertSide.SHORT,
                Exchange.BYBIT,
                -0.001034,
                Duration.ofHours(8),
                0.001,
                165_970_000,
                "exchange APIs"),
            Optional.of("binance"));

    assertThat(r.html())
        .isEqualTo(
            "<b>💸 #BTC extreme funding on Bybit: -0.1034% / 8h</b>\n"
                + "Shorts pay longs: -0.1034% every 8h, -113.22% a year\n"
                + "Alert level ±0.1000% per 8h\n"
                + "Open interest on Bybit: $166.0M\n"
                + "🕒 14:32:15 UTC · source: exchange APIs");
    assertThat(r.summary())
        .isEqualTo("💸 #BTC extreme funding on Bybit: <b>-0.1034% / 8h</b> · 14:32:15 UTC");
  }

  @Test
  void funding_hourlyRateIsShownPerHourAndScaledTo8h() {
    Rendered r =
        AlertHtml.render(
            funding(
                AlertKind.NEW,
                AlertSide.LONG,
                Exchange.HYPERLIQUID,
                0.00015,
                Duration.ofHours(1),
                0.001,
                2_075_622_453.89,
                "exchange APIs"));

    assertThat(r.plain())
        .isEqualTo(
            "💸 #BTC extreme funding on Hyperliquid: +0.1200% / 8h\n"
                + "Longs pay shorts: +0.0150% every 1h, +131.40% a year\n"
                + "Alert level ±0.1000% per 8h\n"
                + "Open interest on Hyperliquid: $2.08B\n"
                + "🕒 14:32:15 UTC · source: exchange APIs");
  }

  @Test
  void funding_resolvedSaysBackToNormalAndNeverShowsAnUnknownOpenInterest() {
    Rendered r =
        AlertHtml.render(
            funding(
                AlertKind.RESOLVED,
                AlertSide.LONG,
                Exchange.BINANCE,
                0.0003,
                Duration.ofHours(8),
                0.0005,
                0,
                "CoinGlass"));

    assertThat(r.plain())
        .isEqualTo(
            "✅ #BTC funding back to normal on Binance: +0.0300% / 8h\n"
                + "Longs pay shorts: +0.0300% every 8h, +32.85% a year\n"
                + "Below the resolve level of ±0.0500% per 8h\n"
                + "🕒 14:32:15 UTC · source: CoinGlass");
    assertThat(r.summary())
        .isEqualTo("✅ #BTC funding back to normal on Binance: <b>+0.0300% / 8h</b> · 14:32:15 UTC");
  }

  @Test
  void funding_resolvedBySignChangeDoesNotClaimNormal() {
    Rendered r =
        AlertHtml.render(
            funding(
                AlertKind.RESOLVED,
                AlertSide.LONG,
                Exchange.BINANCE,
                -0.0008,
                Duration.ofHours(8),
                0.0005,
                0,
                "CoinGlass"));

    assertThat(r.plain())
        .startsWith(
            "✅ #BTC extreme funding over on Binance: -0.0800% / 8h\n"
                + "Shorts pay longs: -0.0800% every 8h, -87.60% a year\n"
                + "The sign changed: longs no longer pay\n")
        .doesNotContain("normal", "$0");
  }

  @Test
  void funding_newWithoutOpenInterestLeavesTheLineOut() {
    Rendered r =
        AlertHtml.render(
            funding(
                AlertKind.NEW,
                AlertSide.LONG,
                Exchange.OKX,
                0.002,
                Duration.ofHours(8),
                0.001,
                0,
                "CoinGlass"));

    assertThat(r.plain()).doesNotContain("Open interest", "$0").contains("Alert level");
  }

  @Test
  void openInterest_newShowsMoveWindowBeforeAfterExchangesAndSource() {
    Rendered r =
        AlertHtml.render(
            openInterest(AlertKind.NEW, 1_000_000_000, 1_042_000_000, "CoinGlass"),
            Optional.of("binance"));

    assertThat(r.html())
        .isEqualTo(
            "<b>📈 #BTC open interest: +4.20% in 15m</b>\n"
                + "$1.00B → <b>$1.04B</b>\n"
                + "Binance, Bybit\n"
                + "🕒 14:32:15 → 14:47:15 UTC · source: CoinGlass");
    assertThat(r.summary())
        .isEqualTo("📈 #BTC open interest: <b>+4.20% in 15m</b>, $1.04B · 14:47:15 UTC");
  }

  @Test
  void openInterest_dropAndResolved() {
    assertThat(
            AlertHtml.plain(openInterest(AlertKind.NEW, 2_000_000_000, 1_930_000_000, "CoinGlass")))
        .startsWith("📉 #BTC open interest: -3.50% in 15m\n$2.00B → $1.93B\n");
    assertThat(
            AlertHtml.plain(
                openInterest(AlertKind.RESOLVED, 1_000_000_000, 1_008_000_000, "exchange APIs")))
        .isEqualTo(
            "✅ #BTC open interest steady again: +0.80% in 15m\n"
                + "$1.00B → $1.01B (largest move left in the window)\n"
                + "Binance, Bybit\n"
                + "🕒 14:32:15 → 14:47:15 UTC · source: exchange APIs");
  }

  @Test
  void cascade_showsSideTotalCoinCountAndTheCoinsHitHardest() {
    Rendered r =
        AlertHtml.render(
            cascade(AlertKind.NEW, sixCoins(), 12_400_000, 87), Optional.of("binance"));

    assertThat(r.plain())
        .isEqualTo(
            "🌊 Market cascade: 🔴 longs liquidated\n"
                + "$12.4M in 87 liquidations across 6 coins over 48s\n"
                + "Hit hardest:\n"
                + "• #BTC $5.20M · 21 liquidations\n"
                + "• #ETH $3.10M · 30 liquidations\n"
                + "• #SOL $1.00M · 8 liquidations\n"
                + "• #DOGE $800.0K · 12 liquidations\n"
                + "• #WIF $500.0K · 9 liquidations\n"
                + "Binance, Bybit, OKX\n"
                + "🕒 14:32:15 → 14:33:03 UTC · via binance · ongoing");
    assertThat(r.summary())
        .isEqualTo(
            "🌊 Market cascade, longs liquidated: <b>$12.4M</b> across 6 coins, #BTC $5.20M,"
                + " #ETH $3.10M, #SOL $1.00M · 14:33:03 UTC");
  }

  @Test
  void cascade_updateIsOngoingAndResolvedGivesFinalTotals() {
    assertThat(AlertHtml.plain(cascade(AlertKind.UPDATE, sixCoins(), 12_400_000, 87)))
        .endsWith(" · ongoing");
    Rendered over = AlertHtml.render(cascade(AlertKind.RESOLVED, sixCoins(), 15_000_000, 120));

    assertThat(over.plain())
        .startsWith(
            "✅ Market cascade over: 🔴 longs liquidated\n"
                + "Final: $15.0M in 120 liquidations across 6 coins over 48s\n")
        .endsWith("🕒 14:32:15 → 14:33:03 UTC");
    assertThat(over.summary()).startsWith("✅ Market cascade over, longs liquidated:");
  }

  @Test
  void cascade_aFullBreakdownMayHideCoinsSoItsCountReadsTenPlus() {
    List<CoinTotal> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(new CoinTotal(new Coin("C" + i), 1_000_000 - i, 2));
    }

    assertThat(AlertHtml.plain(cascade(AlertKind.NEW, ten, 20_000_000, 40)))
        .contains("across 10+ coins")
        .contains("• #C4 ")
        .doesNotContain("#C5 ");
  }

  @Test
  void cluster_showsTradesTotalSpanAndLargestTrades() {
    Rendered r =
        AlertHtml.render(
            AlertHtmlTest.alert(
                "whale-cluster",
                AlertKind.NEW,
                List.of(AlertHtmlTest.trade(2_000_000), AlertHtmlTest.trade(1_000_000)),
                4),
            Optional.of("bybit"));

    assertThat(r.plain())
        .isEqualTo(
            "🐋 #BTC whale cluster: 🟢 BUY\n"
                + "$3.00M in 4 large trades over 0s\n"
                + "Bybit\n"
                + "Largest:\n"
                + "• 🟢 BUY $2.00M · Bybit @ $97,000.00\n"
                + "• 🟢 BUY $1.00M · Bybit @ $97,000.00\n"
                + "🕒 14:32:15 UTC · via bybit");
    assertThat(r.summary())
        .isEqualTo("🐋 #BTC whale cluster BUY: <b>$3.00M</b> in 4 trades · 14:32:15 UTC");
  }

  @Test
  void readings_escapeUpstreamNamesAndStayUnderTheLimit() {
    Exchange hostile = new Exchange("Evil\"Ex\"" + "x".repeat(22));
    String source = "<i>src</i>" + "y".repeat(500);
    Rendered f =
        AlertHtml.render(
            funding(
                AlertKind.NEW,
                AlertSide.LONG,
                hostile,
                0.01,
                Duration.ofHours(8),
                0.001,
                1e6,
                source));

    assertThat(f.html())
        .contains("Evil&quot;Ex&quot;", "&lt;i&gt;src&lt;/i&gt;")
        .doesNotContain("<i>", "Evil\"");
    assertThat(f.html().length()).isLessThan(MessageSplitter.MAX_LENGTH);
    assertThat(f.summary()).doesNotContain("\n");

    Set<Exchange> many = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      many.add(new Exchange("\"Ex\"\"\"\"\"\"" + i));
    }
    Reading.OpenInterestChange change =
        new Reading.OpenInterestChange(many, 1e9, 1.1e9, T, T.plusSeconds(600), source);
    Rendered oi =
        AlertHtml.render(
            new Alert(
                "oi-spike",
                "oi-spike|BTC",
                AlertKind.NEW,
                BTC,
                Optional.empty(),
                1.1e9,
                2,
                many,
                T,
                T.plusSeconds(600),
                List.of(),
                List.of(),
                Optional.of(change)));

    assertThat(oi.html().length()).isLessThanOrEqualTo(MessageSplitter.MAX_LENGTH);
    assertThat(oi.plain()).contains("+294 more");
  }
}
