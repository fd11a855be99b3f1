package io.teleglas.commandbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teleglas.core.testing.FakeBot;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.JarProcess;
import io.teleglas.core.testing.RegisteredCommand;
import io.teleglas.core.testing.SentMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code command-bot.jar}, run as operators run it, against a fake Telegram API. */
class CommandBotJarIT {
  private static final Path JAR = Path.of("target/command-bot.jar");
  private static final String TOKEN = "12345678:command-token-0123456789abcdefghijk";
  private static final Duration EXIT = Duration.ofSeconds(20);

  @TempDir Path workDir;
  private FakeTelegramApi telegram;
  private JarProcess bot;

  @BeforeEach
  void startFake() {
    telegram = FakeTelegramApi.start();
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    telegram.close();
  }

  private Map<String, String> env(String... extra) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", telegram.baseUrl());
    env.put("COMMAND_HTTP_ADDR", "off");
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  @Test
  void answersCommandsRegistersMenuAndStopsOnSigterm() {
    FakeBot chat = telegram.bot(TOKEN);
    bot = JarProcess.start(JAR, workDir, env());
    await().atMost(Duration.ofSeconds(30)).until(() -> chat.getUpdatesCount() > 0);

    assertThat(chat.commands())
        .extracting(RegisteredCommand::command)
        .containsExactly("start", "raw", "liq", "whale", "funding", "oi", "ls", "status", "help");
    chat.sendText(42, 42, "/start");
    chat.sendText(43, 43, "/help@teleglas_bot");
    chat.sendText(44, 44, "/definitely_not_a_command <script>");
    chat.sendSticker(45, 45);
    chat.sendText(46, 46, "/" + "x".repeat(5000));
    chat.sendText(47, 47, "/status");

    List<SentMessage> replies = chat.awaitSentMessages(6, Duration.ofSeconds(15));
    assertThat(replies).allSatisfy(m -> assertThat(m.parseMode()).isEqualToIgnoringCase("html"));
    assertThat(reply(replies, "42")).contains("Send /help");
    assertThat(reply(replies, "43"))
        .contains("/start — what this bot does", "/help — list the commands");
    assertThat(reply(replies, "44")).contains("Unknown command");
    assertThat(reply(replies, "45")).contains("only understand text commands");
    assertThat(reply(replies, "46")).contains("Unknown command").hasSizeLessThan(200);
    assertThat(reply(replies, "47"))
        .contains("Telegram  polling ok, last answer", "Commands  ", "no key configured");

    long started = System.nanoTime();
    bot.terminate();
    int code = bot.awaitExit(Duration.ofSeconds(10));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(code).isIn(0, 143);
    assertThat(bot.stderr()).doesNotContain("command-token-0123456789");
  }

  @Test
  void servesHealthAndMetrics() throws Exception {
    int port;
    try (java.net.ServerSocket free =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    FakeBot chat = telegram.bot(TOKEN);
    bot = JarProcess.start(JAR, workDir, env("COMMAND_HTTP_ADDR", "127.0.0.1:" + port));
    await().atMost(Duration.ofSeconds(30)).until(() -> chat.getUpdatesCount() > 0);
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;

    chat.sendText(42, 42, "/help");
    chat.awaitSentMessages(1, Duration.ofSeconds(15));
    var health =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"", "\"consecutiveFailures\":0");
    var metrics =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("teleglas_command_seconds_count{command=\"help\"", "jvm_memory_used_bytes");

    telegram.failNext("getUpdates", 3, 502, "Bad Gateway");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        http.send(
                                java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(base + "/health"))
                                    .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(503));
  }

  @Test
  void answersMarketCommandsWithFiguresFromTheFakeApis() {
    try (FakeMarketApis market = new FakeMarketApis(0).stubBtc()) {
      FakeBot chat = telegram.bot(TOKEN);
      Map<String, String> env = env();
      env.putAll(market.env(true));
      bot = JarProcess.start(JAR, workDir, env);
      await().atMost(Duration.ofSeconds(30)).until(() -> chat.getUpdatesCount() > 0);

      chat.sendText(42, 42, "/raw BTC");
      chat.sendText(43, 43, "/liq btc 1h");
      chat.sendText(44, 44, "/oi $BTC");
      chat.sendText(45, 45, "/raw NOPE<b>");
      chat.sendText(46, 46, "/funding btc");
      chat.sendText(47, 47, "/ls BTC");
      chat.sendText(48, 48, "/status");
      chat.editedMessage(49, 49, 1, "/oi BTC");
      chat.sendText(50, 50, "/whale");

      List<SentMessage> replies = chat.awaitSentMessages(9, Duration.ofSeconds(20));
      assertThat(reply(replies, "42")).contains("<b>#BTC</b>", "$57.4B", "24h  $451.4K / $14.2M");
      assertThat(
              replies.stream()
                  .filter(m -> m.chatId().equals("42"))
                  .findFirst()
                  .orElseThrow()
                  .replyMarkup()
                  .toString())
          .contains("r|/raw BTC");
      assertThat(reply(replies, "43")).contains("Shorts took 97%");
      assertThat(reply(replies, "44")).contains("Total  $57.4B", "CME  $12.3B (21%)");
      assertThat(reply(replies, "45")).contains("For example");
      assertThat(reply(replies, "46")).contains("#BTC funding", "Binance  +0.0073% / 8h");
      assertThat(reply(replies, "47")).contains("#BTC long/short", "<b>Binance</b>");
      assertThat(reply(replies, "48")).contains("CoinGlass", "key configured", "polling ok");
      assertThat(reply(replies, "49")).contains("Total  $57.4B");
      assertThat(reply(replies, "50"))
          .contains("Hyperliquid whales", "<b>ETH</b> closed long $21.0M", "short $73.6M at 25x");
      assertThat(bot.stderr()).doesNotContain(FakeMarketApis.API_KEY);
    }
  }

  @Test
  void retriesAReplyAfterTelegramsRetryAfter() {
    FakeBot chat = telegram.bot(TOKEN);
    telegram.rateLimitNext("sendMessage", 1, 1);
    bot = JarProcess.start(JAR, workDir, env());
    await().atMost(Duration.ofSeconds(30)).until(() -> chat.getUpdatesCount() > 0);

    chat.sendText(42, 42, "/start");

    assertThat(chat.awaitSentMessages(1, Duration.ofSeconds(15)).get(0).text()).contains("/help");
    assertThat(telegram.calls("sendMessage"))
        .extracting(c -> c.httpStatus())
        .containsExactly(429, 200);
  }

  @Test
  void saysPlainlyWhenAnotherProcessPollsTheSameToken() {
    FakeBot chat = telegram.bot(TOKEN);
    telegram.conflictOnGetUpdates(true);
    bot = JarProcess.start(JAR, workDir, env());

    await().atMost(Duration.ofSeconds(30)).until(() -> bot.stderr().contains("409 Conflict"));
    assertThat(bot.stderr())
        .contains("another process is polling this bot's token")
        .contains("docs/operations.md");
    telegram.conflictOnGetUpdates(false);
    chat.sendText(42, 42, "/start");
    assertThat(chat.awaitSentMessages(1, Duration.ofSeconds(20)).get(0).text()).contains("/help");
  }

  @Test
  void aSecondInstanceOnTheSameDataDirectoryIsRefused() {
    FakeBot chat = telegram.bot(TOKEN);
    bot = JarProcess.start(JAR, workDir, env());
    await().atMost(Duration.ofSeconds(30)).until(() -> chat.getUpdatesCount() > 0);

    try (JarProcess second = JarProcess.start(JAR, workDir, env())) {
      assertThat(second.awaitExit(EXIT)).isEqualTo(1);
      assertThat(second.stderr())
          .contains("cannot start")
          .contains("already runs on this data directory");
    }
    assertThat(bot.isAlive()).isTrue();
  }

  @Test
  void refusesUsersNotInTheAllowList() {
    FakeBot chat = telegram.bot(TOKEN);
    bot = JarProcess.start(JAR, workDir, env("TELEGRAM_ALLOWED_USERS", "42"));
    await().atMost(Duration.ofSeconds(30)).until(() -> chat.getUpdatesCount() > 0);

    chat.sendText(7, 7, "/help");
    chat.sendText(42, 42, "/help");

    List<SentMessage> replies = chat.awaitSentMessages(2, Duration.ofSeconds(15));
    assertThat(reply(replies, "7")).isEqualTo("Sorry, this bot is private.");
    assertThat(reply(replies, "42")).contains("Commands");
  }

  @Test
  void exitsOneWithAClearLineWhenTelegramRejectsTheToken() {
    telegram.failNext("deleteWebhook", 1, 401, "Unauthorized");
    bot = JarProcess.start(JAR, workDir, env());

    assertThat(bot.awaitExit(EXIT)).isEqualTo(1);
    assertThat(bot.stderr()).contains("cannot start").doesNotContain("command-token-0123456789");
  }

  @Test
  void withoutTokenExitsTwoNamingIt() {
    bot = JarProcess.run(JAR, workDir, Map.of(), "", EXIT);

    assertThat(bot.awaitExit(EXIT)).isEqualTo(2);
    assertThat(bot.stderr()).contains("TELEGRAM_BOT_TOKEN");
  }

  @Test
  void listsEveryBadValueAtOnce() {
    bot =
        JarProcess.run(
            JAR,
            workDir,
            Map.of(
                "TELEGRAM_BOT_TOKEN", "nope",
                "LOG_LEVEL", "loud",
                "COMMAND_HTTP_ADDR", "everywhere",
                "TELEGRAM_API_URL", "http://example.com"),
            "",
            EXIT);

    assertThat(bot.awaitExit(EXIT)).isEqualTo(2);
    assertThat(bot.stderr())
        .contains(
            "4 problems",
            "TELEGRAM_BOT_TOKEN",
            "LOG_LEVEL",
            "COMMAND_HTTP_ADDR",
            "TELEGRAM_API_URL");
  }

  @Test
  void helpVersionAndCheckConfig() {
    JarProcess help = JarProcess.run(JAR, workDir, Map.of(), "", EXIT, "--help");
    assertThat(help.awaitExit(EXIT)).isZero();
    assertThat(help.stdout())
        .contains("Usage: java -jar command-bot.jar", "--console", "TELEGRAM_BOT_TOKEN");

    JarProcess version = JarProcess.run(JAR, workDir, Map.of(), "", EXIT, "--version");
    assertThat(version.awaitExit(EXIT)).isZero();
    assertThat(version.stdout()).startsWith("command-bot ");

    JarProcess check = JarProcess.run(JAR, workDir, env(), "", EXIT, "--check-config");
    assertThat(check.awaitExit(EXIT)).isZero();
    assertThat(check.stdout())
        .contains("configuration is valid", "[REDACTED]")
        .doesNotContain("command-token");
  }

  @Test
  void readsDotEnvButTheEnvironmentWins() throws Exception {
    java.nio.file.Files.writeString(
        workDir.resolve(".env"),
        "TELEGRAM_BOT_TOKEN=" + TOKEN + "\nLOG_LEVEL=DEBUG\nTYPO_VARIABLE=1\n");

    JarProcess check =
        JarProcess.run(JAR, workDir, Map.of("LOG_LEVEL", "WARN"), "", EXIT, "--check-config");

    assertThat(check.awaitExit(EXIT)).isZero();
    assertThat(check.stdout())
        .containsPattern("TELEGRAM_BOT_TOKEN +\\= \\[REDACTED\\]  \\(\\.env\\)")
        .containsPattern("LOG_LEVEL +\\= WARN  \\(environment\\)");
    assertThat(check.stderr()).contains("TYPO_VARIABLE");
  }

  @Test
  void consoleAnswersFromStdin() {
    JarProcess console =
        JarProcess.run(JAR, workDir, Map.of(), "/start\n/help\n/status\n", EXIT, "--console");

    assertThat(console.awaitExit(EXIT)).isZero();
    assertThat(console.stdout())
        .contains("> /start", "> /help", "/help — list the commands", "/whale [ETH] — ")
        .contains("> /status", "Telegram  console mode, not polling", "no calls yet");
  }

  private static String reply(List<SentMessage> replies, String chatId) {
    return replies.stream()
        .filter(m -> m.chatId().equals(chatId))
        .map(SentMessage::text)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no reply to chat " + chatId + " in " + replies));
  }
}
