package io.teleglas.commandbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.commandbot.command.CommandRouter;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.core.upstream.UpstreamMeter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /status} in the bot's real router, after {@code /whale} went through the real clients to
 * WireMock: what it shows must be what those calls measured.
 */
class StatusCommandIT {
  private static final int DELAY_MS = 150;

  private final UpstreamStubs stubs = new UpstreamStubs();
  private final Clock clock = UpstreamStubs.tickingFrom(Instant.parse("2026-09-25T17:59:55Z"));
  private final UpstreamMeter meter = stubs.meter(clock);
  private final MarketData market = stubs.market(true, meter, clock);
  private final CommandRouter router = CommandBotApp.router(market, meter, Optional::empty, clock);

  @AfterEach
  void stop() {
    stubs.close();
  }

  private String route(String text) {
    return router.route(1, 1, text).html();
  }

  @Test
  void afterWhaleCalls_showsCoinglassLatencyBudgetCacheAndCommandCounts() {
    stubs.coinglass("/api/hyperliquid/whale-alert", 200, "hyperliquid-whale-alert.json", DELAY_MS);
    stubs.coinglass(
        "/api/hyperliquid/whale-position", 200, "hyperliquid-whale-position.json", DELAY_MS);

    route("/whale");
    route("/whale eth");
    String status = route("/status");

    Matcher coinglass =
        Pattern.compile("✅ CoinGlass  (just now|\\d+s ago) · ok · (\\d+) ms · 0 errors\n")
            .matcher(status);
    assertThat(coinglass.find()).as(status).isTrue();
    assertThat(Integer.parseInt(coinglass.group(2))).isGreaterThanOrEqualTo(DELAY_MS);
    assertThat(status)
        .contains("Commands  2 answered in the last hour, 0 failed\n")
        .contains("Telegram  console mode, not polling\n")
        .contains("<b>CoinGlass</b>  key configured\n")
        .containsPattern("Budget  [12] of 30 requests/min used, 2[89] left\n")
        // the second /whale found both answers in the caches: 2 hits of 4 lookups
        .endsWith("Cache  50% hits (2 of 4 lookups)")
        .doesNotContain("Binance", "no calls yet");
  }

  @Test
  void coinglassServerErrors_areCountedAndTheExchangesShowUp() {
    stubs.coinglass("/api/hyperliquid/whale-alert", 500, "server-error.json", 0);
    stubs.coinglass("/api/hyperliquid/whale-position", 500, "server-error.json", 0);
    stubs.btcTrades();

    String whale = route("/whale");
    String status = route("/status");

    assertThat(whale).contains("(CoinGlass server error (HTTP 500))");
    assertThat(status)
        .containsPattern("⚠️ CoinGlass  (just now|\\d+s ago) · failed · \\d+ ms · 2 errors\n")
        .containsPattern("✅ Binance  (just now|\\d+s ago) · ok · \\d+ ms · 0 errors\n")
        .containsPattern("✅ Bybit  (just now|\\d+s ago) · ok · \\d+ ms · 0 errors\n")
        .containsPattern("✅ OKX  (just now|\\d+s ago) · ok · \\d+ ms · 0 errors\n")
        .contains("Commands  1 answered in the last hour, 0 failed\n");
  }
}
