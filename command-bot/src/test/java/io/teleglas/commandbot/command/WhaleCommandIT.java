package io.teleglas.commandbot.command;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.commandbot.UpstreamStubs;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.SymbolResolver;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /whale} through the real clients and {@link MarketData} against WireMock serving the
 * shared fixtures: CoinGlass's v4 doc samples for {@code hyperliquid/whale-alert} and {@code
 * whale-position} (market-apis.md §A.6.12), and the venues' documented trade payloads (§D).
 */
class WhaleCommandIT {
  /** 10m 30s after the newest fixture alert (ETH, 2025-04-21 07:11:57 UTC). */
  private static final Instant AFTER_ALERTS = Instant.parse("2025-04-21T07:22:27Z");

  /** 10m 30s after the newest fixture trade (OKX, 2026-09-25 17:49:25.4 UTC). */
  private static final Instant AFTER_TRADES = Instant.parse("2026-09-25T17:59:55Z");

  private final UpstreamStubs stubs = new UpstreamStubs();
  private final Symbols symbols = new Symbols(new SymbolResolver(InstrumentCatalog.bundled()));

  @AfterEach
  void stop() {
    stubs.close();
  }

  private WhaleCommand whale(boolean key, Clock clock) {
    return new WhaleCommand(stubs.market(key, stubs.meter(clock), clock), symbols, clock);
  }

  private static Reply run(WhaleCommand whale, String... args) {
    return whale.reply(new CommandRequest(1, 1, "whale", List.of(args)));
  }

  private void serveWhales() {
    stubs.coinglass("/api/hyperliquid/whale-alert", 200, "hyperliquid-whale-alert.json", 0);
    stubs.coinglass("/api/hyperliquid/whale-position", 200, "hyperliquid-whale-position.json", 0);
  }

  @Test
  void withCoinglass_showsTheFixturesAlertsAndPositionsWithTheirFigures() {
    serveWhales();

    Reply reply = run(whale(true, UpstreamStubs.tickingFrom(AFTER_ALERTS)));

    assertThat(reply.refresh()).contains("/whale");
    assertThat(reply.html())
        .startsWith("🐋 <b>Hyperliquid whales</b>\n")
        .contains(
            // position_value_usd 21003260, entry_price 1611.62, position_size +12700, action 2
            "• 10m ago · <b>ETH</b> closed long $21.0M · entry $1,611.62 · <code>0x3fd4…7d33</code>\n"
                // position_value_usd 2936421.4757, entry_price 87486.2, size +33.54, action 2
                + "• 11m ago · <b>BTC</b> closed long $2.94M · entry $87,486.20 · <code>0x1cad…4e2c</code>\n")
        .contains(
            // value 73589542.5467, leverage 25, entry 2249.7, liq 2358.2766, size -44727
            "• <b>ETH</b> short $73.6M at 25x · entry $2,249.70 · liq $2,358.28\n"
                // unrealized_pnl 27033236.424, margin_balance 2943581.7019
                + "   uPnL +$27.0M · margin $2.94M · <code>0x20c2…44f5</code>\n"
                + "• <b>BTC</b> short $69.9M at 15x · entry $84,931.30 · liq $92,263.80\n"
                + "   uPnL -$1.98M · margin $4.81M · <code>0xf967…14eb</code>\n")
        .endsWith("<i>CoinGlass · 2025-04-21 07:22 UTC</i>")
        .doesNotContainIgnoringCase("buy")
        .doesNotContainIgnoringCase("sell");
    stubs.server.verify(0, getRequestedFor(urlPathEqualTo("/fapi/v1/aggTrades")));
  }

  @Test
  void withCoinglassAndACoin_showsThatCoinOnly() {
    serveWhales();

    Reply reply = run(whale(true, UpstreamStubs.tickingFrom(AFTER_ALERTS)), "btcusdt");

    assertThat(reply.refresh()).contains("/whale BTC");
    assertThat(reply.html())
        .startsWith("🐋 <b>Hyperliquid whales</b> · BTC\n")
        .contains("<b>BTC</b> closed long $2.94M", "<b>BTC</b> short $69.9M at 15x")
        .doesNotContain("<b>ETH</b>");
  }

  @Test
  void coinglassRefusingThePlan_fallsBackToExchangeTradesAndSaysWhy() {
    stubs.coinglass("/api/hyperliquid/whale-alert", 200, "upgrade-plan.json", 0);
    stubs.coinglass("/api/hyperliquid/whale-position", 200, "upgrade-plan.json", 0);
    stubs.btcTrades();

    String html = run(whale(true, UpstreamStubs.tickingFrom(AFTER_TRADES))).html();

    // the fixtures' largest BTC trade is 5 x 64,002.50 = $320,012.50, under BTC's $1M
    assertThat(html)
        .startsWith(
            "🐋 <b>Large trades on Binance, Bybit, OKX</b> (needs CoinGlass Startup plan)\n")
        .contains("BTC by default")
        .contains("No BTC trade of $1,000,000 or more among the latest trades they publish.")
        .doesNotContain("Largest open positions", "• ");
    stubs.server.verify(1, getRequestedFor(urlPathEqualTo("/api/hyperliquid/whale-alert")));
  }

  @Test
  void withoutKey_listsTheFixturesLargeTradesNewestFirstWithoutAskingCoinglass() {
    stubs.btcTrades();
    Clock clock = UpstreamStubs.tickingFrom(AFTER_TRADES);
    MarketData market = stubs.market(false, stubs.meter(clock), clock);
    WhaleCommand whale = new WhaleCommand(market, symbols, coin -> 100_000, clock);

    String html = run(whale, "BTC").html();

    assertThat(html)
        .startsWith("🐋 <b>Large trades on Binance, Bybit, OKX</b> (no CoinGlass key)\n")
        .contains("BTC trades of $100,000 or more, newest first; bought/sold is the taker's side")
        .doesNotContain("by default")
        // OKX: 150 and 300 contracts of 0.01 BTC (instruments-btc.json ctVal)
        .contains(
            "• 10m ago · <b>bought</b> 1.5 BTC ($125.7K) @ $83,780.00 · OKX\n"
                + "• 10m ago · <b>sold</b> 3 BTC ($251.3K) @ $83,772.60 · OKX\n")
        // Binance aggTrades m=false is a taker buy, m=true a taker sell
        .containsPattern(
            "• \\d+d \\d+h ago · <b>bought</b> 5 BTC \\(\\$320\\.0K\\) @ \\$64,002\\.50 · Binance\n"
                + "• \\d+d \\d+h ago · <b>sold</b> 2\\.5 BTC \\(\\$160\\.0K\\) @ \\$64,000\\.10 · Binance\n"
                + "• \\d+d \\d+h ago · <b>bought</b> 7 BTC \\(\\$116\\.4K\\) @ \\$16,621\\.50 · Bybit\n"
                + "• \\d+d \\d+h ago · <b>sold</b> 12\\.5 BTC \\(\\$207\\.8K\\) @ \\$16,620\\.00 · Bybit\n")
        // under $100K: OKX's 1 contract at 29,963.2 and Bybit's 0.00012 BTC
        .doesNotContain("29,963.20", "16,618.49");
    stubs.server.verify(0, getRequestedFor(urlPathMatching("/api/hyperliquid/.*")));
  }
}
