package io.teleglas.alertbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.core.config.ConfigException;
import io.teleglas.core.config.ConfigProblem;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Environment;
import io.teleglas.core.market.Coin;
import io.teleglas.core.telegram.ChatId;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertBotConfigTest {
  static final String TOKEN = "87654321:alert-token-0123456789abcdefghijklm";
  static final String BOT_TOKEN = "12345678:command-token-0123456789abcdefghijk";

  private static AlertBotConfig read(Map<String, String> env, RunMode mode) {
    return AlertBotConfig.read(new ConfigReader(Environment.of(env)), mode);
  }

  @Test
  void read_defaultsInDemoModeNeedNothing() {
    AlertBotConfig c = read(Map.of(), RunMode.DEMO);

    assertThat(c.alertToken()).isEmpty();
    assertThat(c.alertChannel()).isEmpty();
    assertThat(c.sources())
        .containsExactly(SourceId.BINANCE, SourceId.BYBIT, SourceId.OKX, SourceId.HYPERLIQUID);
    assertThat(c.symbols())
        .extracting(Coin::symbol)
        .containsExactly("BTC", "ETH", "SOL", "XRP", "DOGE", "BNB");
    assertThat(c.rulesFile()).isEmpty();
    assertThat(c.streamUrls().coinglass())
        .isEqualTo(URI.create("wss://open-ws.coinglass.com/ws-api"));
    assertThat(c.streamUrls().binance()).isEqualTo(URI.create("wss://fstream.binance.com/market"));
    assertThat(c.streamUrls().bybit())
        .isEqualTo(URI.create("wss://stream.bybit.com/v5/public/linear"));
    assertThat(c.streamUrls().okx()).isEqualTo(URI.create("wss://ws.okx.com:8443/ws/v5/public"));
    assertThat(c.streamUrls().hyperliquid()).isEqualTo(URI.create("wss://api.hyperliquid.xyz/ws"));
    assertThat(c.httpAddress()).contains(new InetSocketAddress("127.0.0.1", 8081));
  }

  @Test
  void read_fullMapping(@TempDir Path dir) throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.yaml"), "cooldown:\n  period: 10m\n");
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_ALERT_TOKEN", TOKEN);
    env.put("TELEGRAM_BOT_TOKEN", BOT_TOKEN);
    env.put("TELEGRAM_ALERT_CHANNEL_ID", "-1001234567890");
    env.put("TELEGRAM_ADMIN_CHAT_ID", "@ops_room");
    env.put("COINGLASS_API_KEY", "0123456789abcdef0123456789abcdef");
    env.put("ALERT_SOURCES", "okx, coinglass,binance");
    env.put("ALERT_SYMBOLS", "btc,1000PEPEUSDT");
    env.put("ALERT_RULES_FILE", rules.toString());
    env.put("COINGLASS_WS_URL", "ws://127.0.0.1:9100/ws-api");
    env.put("BINANCE_WS_URL", "ws://127.0.0.1:9101/market");
    env.put("BYBIT_WS_URL", "ws://127.0.0.1:9102/v5/public/linear");
    env.put("OKX_WS_URL", "ws://127.0.0.1:9103/ws/v5/public");
    env.put("HYPERLIQUID_WS_URL", "ws://localhost:9104/ws");
    env.put("ALERT_HTTP_ADDR", "0.0.0.0:9000");

    AlertBotConfig c = read(env, RunMode.LIVE);

    assertThat(c.alertToken()).isPresent();
    assertThat(c.alertChannel()).contains(new ChatId("-1001234567890"));
    assertThat(c.adminChat()).contains(new ChatId("@ops_room"));
    assertThat(c.sources()).containsExactly(SourceId.OKX, SourceId.COINGLASS, SourceId.BINANCE);
    assertThat(c.symbols()).extracting(Coin::symbol).containsExactly("BTC", "PEPE");
    assertThat(c.rulesFile()).contains(rules);
    assertThat(c.streamUrls().coinglass().getPort()).isEqualTo(9100);
    assertThat(c.streamUrls().hyperliquid().getHost()).isEqualTo("localhost");
    assertThat(c.httpAddress()).contains(new InetSocketAddress("0.0.0.0", 9000));
  }

  @Test
  void read_liveModeNeedsTokenAndChannel() {
    assertThatThrownBy(() -> read(Map.of(), RunMode.LIVE))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::variable)
                    .containsExactly("TELEGRAM_ALERT_TOKEN", "TELEGRAM_ALERT_CHANNEL_ID"));
  }

  @Test
  void read_refusesTheCommandBotsToken() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "TELEGRAM_ALERT_TOKEN",
                        TOKEN,
                        "TELEGRAM_BOT_TOKEN",
                        TOKEN,
                        "TELEGRAM_ALERT_CHANNEL_ID",
                        "@alerts"),
                    RunMode.LIVE))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::message)
                    .containsExactly(
                        "must differ from TELEGRAM_BOT_TOKEN: each bot needs its own token from @BotFather"));
  }

  @Test
  void read_listsEveryBadValue() {
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_ALERT_CHANNEL_ID", "my channel");
    env.put("TELEGRAM_ADMIN_CHAT_ID", "12ab");
    env.put("ALERT_SOURCES", "binance,kraken,binance");
    env.put("ALERT_SYMBOLS", "BTC,<script>,XBTUSDT,btcusdt");
    env.put("ALERT_RULES_FILE", "/definitely/missing.yaml");
    env.put("BINANCE_WS_URL", "wss://fstream.binance.com?x=1");
    env.put("OKX_WS_URL", "ws://ws.okx.com/ws/v5/public");
    env.put("ALERT_HTTP_ADDR", "everywhere");

    assertThatThrownBy(() -> read(env, RunMode.DRY_RUN))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::variable)
                    .containsExactlyInAnyOrder(
                        "TELEGRAM_ALERT_CHANNEL_ID",
                        "TELEGRAM_ADMIN_CHAT_ID",
                        "ALERT_SOURCES",
                        "ALERT_SOURCES",
                        "ALERT_SYMBOLS",
                        "ALERT_SYMBOLS",
                        "ALERT_RULES_FILE",
                        "BINANCE_WS_URL",
                        "OKX_WS_URL",
                        "ALERT_HTTP_ADDR"));
  }

  @Test
  void read_invalidRulesFileIsReportedWithTheOtherProblems(@TempDir Path dir) throws Exception {
    Path rules =
        Files.writeString(dir.resolve("rules.yaml"), "tiers:\n  majors:\n    storm-count: -1\n");

    assertThatThrownBy(
            () ->
                read(Map.of("ALERT_RULES_FILE", rules.toString(), "LOG_LEVEL", "x"), RunMode.DEMO))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::variable)
                    .contains("ALERT_RULES_FILE", "LOG_LEVEL"));
  }

  @Test
  void read_coinglassAloneWithoutKeyLeavesNoSource() {
    assertThatThrownBy(() -> read(Map.of("ALERT_SOURCES", "coinglass"), RunMode.DEMO))
        .hasMessageContaining("ALERT_SOURCES: leaves no usable source");
  }
}
