package io.teleglas.alertbot;

import static io.teleglas.alertbot.BinanceTestFrames.forceOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teleglas.core.testing.FakeBot;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.JarProcess;
import io.teleglas.core.testing.SentMessage;
import io.teleglas.core.testing.WebSocketTestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code alert-bot.jar} in live mode against the fake Telegram Bot API and an in-process
 * server speaking Binance's combined-stream protocol: channel alerts, personal alerts through the
 * private-chat commands, a user who blocked the bot, a crash with alerts pending, and a second
 * instance on the same data directory.
 */
class AlertBotLiveIT {
  private static final Path JAR = Path.of("target/alert-bot.jar");
  private static final String TOKEN = LiveBotEnv.TOKEN;
  private static final String CHANNEL = LiveBotEnv.CHANNEL;
  private static final Duration WAIT = Duration.ofSeconds(45);

  @TempDir Path workDir;

  private FakeTelegramApi telegram;
  private WebSocketTestServer binance;
  private JarProcess bot;

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    if (binance != null) {
      binance.close();
    }
    if (telegram != null) {
      telegram.close();
    }
  }

  @Test
  void postsChannelAlertsAndPersonalAlertsAndStopsWritingToAUserWhoBlockedTheBot() {
    telegram = FakeTelegramApi.start();
    FakeBot chat = telegram.bot(TOKEN);
    binance = WebSocketTestServer.start();
    Map<String, String> env = env(telegram);
    env.put("TELEGRAM_ADMIN_CHAT_ID", "777");
    bot = JarProcess.start(JAR, workDir, env);
    WebSocketTestServer.Connection socket = binance.awaitConnection(WAIT);
    await().atMost(WAIT).until(() -> chat.getUpdatesCount() > 0);
    socket.send(forceOrder("BTCUSDT", "BUY", "0.01", "97000.00", System.currentTimeMillis()));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(textsTo(chat, "777"))
                    .as("operational notices reach the admin chat")
                    .anyMatch(t -> t.contains("binance") && t.contains("connected")));

    chat.sendText(501, 501, "/subscribe ETH 100k");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(textsTo(chat, "501")).anyMatch(t -> t.contains("ETH")));
    int repliesBefore = textsTo(chat, "501").size();

    long now = System.currentTimeMillis();
    socket.send(forceOrder("ETHUSDT", "SELL", "50", "3000.00", now));
    socket.send(forceOrder("BTCUSDT", "BUY", "12.5", "97000.00", now));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(textsTo(chat, "501"))
                  .as("ETH $150K is below the channel's $500K but above the user's $100K")
                  .hasSize(repliesBefore + 1)
                  .last()
                  .asString()
                  .contains("#ETH", "$150");
              assertThat(textsTo(chat, CHANNEL))
                  .singleElement()
                  .asString()
                  .contains("#BTC", "SHORT", "$1.21M");
            });
    assertThat(textsTo(chat, CHANNEL)).noneMatch(t -> t.contains("#ETH"));

    telegram.blockedUser(501);
    socket.send(forceOrder("ETHUSDT", "SELL", "60", "3000.00", System.currentTimeMillis()));
    await().atMost(WAIT).until(() -> attemptsTo("501", 403) == 1);
    socket.send(forceOrder("ETHUSDT", "SELL", "70", "3000.00", System.currentTimeMillis()));
    socket.send(forceOrder("BTCUSDT", "SELL", "20", "97000.00", System.currentTimeMillis()));
    await().atMost(WAIT).untilAsserted(() -> assertThat(textsTo(chat, CHANNEL)).hasSize(2));
    assertThat(attemptsTo("501", 403)).as("a user who blocked the bot is not retried").isEqualTo(1);
    assertThat(bot.stderr()).doesNotContain("alert-token-0123456789");
  }

  @Test
  void alertsPendingWhenTheProcessIsKilledAreDeliveredOnceAfterRestart() throws Exception {
    FakeTelegramApi down = FakeTelegramApi.start();
    down.bot(TOKEN);
    down.failNext(FakeTelegramApi.ANY_SEND, 100_000, 502, "Bad Gateway");
    binance = WebSocketTestServer.start();
    bot = JarProcess.start(JAR, workDir, env(down));
    WebSocketTestServer.Connection socket = binance.awaitConnection(WAIT);

    long now = System.currentTimeMillis();
    socket.send(forceOrder("BTCUSDT", "SELL", "10", "97000.00", now));
    socket.send(forceOrder("ETHUSDT", "BUY", "300", "3000.00", now));
    socket.send(forceOrder("SOLUSDT", "SELL", "5000", "200.00", now));
    await().atMost(WAIT).until(() -> pendingInOutbox() == 3);
    assertThat(down.calls("sendMessage")).allMatch(c -> c.httpStatus() == 502);

    bot.kill();
    down.close();
    binance.close();

    telegram = FakeTelegramApi.start();
    FakeBot chat = telegram.bot(TOKEN);
    binance = WebSocketTestServer.start();
    bot = JarProcess.start(JAR, workDir, env(telegram));

    await().atMost(WAIT).untilAsserted(() -> assertThat(textsTo(chat, CHANNEL)).hasSize(3));
    await().atMost(WAIT).until(() -> pendingInOutbox() == 0);
    Thread.sleep(3000); // anything sent twice would arrive within the delivery loop's next rounds
    List<String> texts = textsTo(chat, CHANNEL);
    assertThat(texts).hasSize(3).doesNotHaveDuplicates();
    assertThat(String.join("\n", texts)).contains("#BTC", "#ETH", "#SOL");
  }

  @Test
  void aStormUpdatePendingAcrossARestartEditsTheStormsMessage() throws Exception {
    telegram = FakeTelegramApi.start();
    FakeBot chat = telegram.bot(TOKEN);
    binance = WebSocketTestServer.start();
    bot = JarProcess.start(JAR, workDir, env(telegram));
    WebSocketTestServer.Connection socket = binance.awaitConnection(WAIT);

    long t = System.currentTimeMillis();
    for (int i = 0; i < 3; i++) {
      socket.send(forceOrder("BTCUSDT", "SELL", "10", "97000.00", t + i * 100));
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(textsTo(chat, CHANNEL)).singleElement().asString().contains("storm"));
    int stormMessage = chat.sentMessages().get(0).messageId();

    telegram.failNext("editMessageText", 100_000, 502, "Bad Gateway");
    socket.send(forceOrder("BTCUSDT", "SELL", "20", "97000.00", System.currentTimeMillis()));
    await().atMost(WAIT).until(() -> pendingInOutbox("EDIT") == 1);

    bot.kill();
    telegram.clearArmedFailures();
    binance.close();
    binance = WebSocketTestServer.start();
    bot = JarProcess.start(JAR, workDir, env(telegram));

    await()
        .atMost(WAIT)
        .until(
            () ->
                telegram.calls("editMessageText").stream()
                    .anyMatch(
                        c ->
                            c.succeeded()
                                && c.params().path("message_id").asInt() == stormMessage));
    assertThat(textsTo(chat, CHANNEL))
        .as("the update edits the storm's message instead of posting a new one")
        .hasSize(1);
  }

  @Test
  void aSecondInstanceOnTheSameDataDirectoryIsRefused() {
    telegram = FakeTelegramApi.start();
    FakeBot chat = telegram.bot(TOKEN);
    binance = WebSocketTestServer.start();
    bot = JarProcess.start(JAR, workDir, env(telegram));
    await().atMost(WAIT).until(() -> chat.getUpdatesCount() > 0);

    try (JarProcess second = JarProcess.start(JAR, workDir, env(telegram))) {
      assertThat(second.awaitExit(WAIT)).isEqualTo(1);
      assertThat(second.stderr())
          .contains("cannot start")
          .contains("already runs on this data directory");
    }
    assertThat(bot.isAlive()).isTrue();
  }

  private Map<String, String> env(FakeTelegramApi api) {
    Map<String, String> env =
        LiveBotEnv.binanceOnly(api.baseUrl(), binance.url("/market"), workDir.resolve("data"));
    env.put("ALERT_HTTP_ADDR", "off");
    return env;
  }

  private List<String> textsTo(FakeBot chat, String chatId) {
    return chat.sentMessages().stream()
        .filter(m -> m.chatId().equals(chatId))
        .map(SentMessage::text)
        .toList();
  }

  private long attemptsTo(String chatId, int status) {
    return telegram.calls("sendMessage").stream()
        .filter(c -> chatId.equals(c.param("chat_id")) && c.httpStatus() == status)
        .count();
  }

  private int pendingInOutbox() throws Exception {
    return pendingInOutbox("SEND");
  }

  private int pendingInOutbox(String kind) throws Exception {
    Path db = workDir.resolve("data/alert-bot.db");
    if (!db.toFile().exists()) {
      return -1;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING' AND kind = '" + kind + "'")) {
      return rs.next() ? rs.getInt(1) : -1;
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }
}
