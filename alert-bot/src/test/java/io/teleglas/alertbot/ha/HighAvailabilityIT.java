package io.teleglas.alertbot.ha;

import static io.teleglas.alertbot.BinanceTestFrames.forceOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teleglas.alertbot.LiveBotEnv;
import io.teleglas.alertbot.store.TestPostgres;
import io.teleglas.core.testing.FakeBot;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.FreePort;
import io.teleglas.core.testing.JarProcess;
import io.teleglas.core.testing.RecordedCall;
import io.teleglas.core.testing.SentMessage;
import io.teleglas.core.testing.WebSocketTestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code alert-bot.jar} instances on one embedded PostgreSQL, the fake Telegram Bot API
 * and one Binance-shaped stream both read: the leader is killed ({@code kill -9}) with alerts
 * pending and a storm open, and the standby takes over within 30 s, delivers every alert exactly
 * once (including one decided while no one held the lease) and edits the storm's message.
 */
class HighAvailabilityIT {
  private static final Path JAR = Path.of("target/alert-bot.jar");
  private static final String TOKEN = LiveBotEnv.TOKEN;
  private static final String CHANNEL = LiveBotEnv.CHANNEL;
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

  @TempDir Path workDir;

  private static TestPostgres postgres;
  private String database;
  private FakeTelegramApi telegram;
  private FakeBot chat;
  private WebSocketTestServer binance;
  private JarProcess first;
  private JarProcess second;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws IOException {
    if (second != null && System.getenv("HA_DEBUG") != null) {
      System.out.println("=== second:\n" + second.stdout() + second.stderr());
      System.out.println("=== calls:\n" + telegram.calls());
    }
    for (JarProcess p : new JarProcess[] {first, second}) {
      if (p != null) {
        p.close();
      }
    }
    if (binance != null) {
      binance.close();
    }
    if (telegram != null) {
      telegram.close();
    }
  }

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void startFakes() throws Exception {
    database = postgres.newDatabase();
    telegram = FakeTelegramApi.start();
    chat = telegram.bot(TOKEN);
    binance = WebSocketTestServer.start();
  }

  /** Starts the first instance and waits until it leads; returns its HTTP port. */
  private int startLeader() throws IOException {
    int port = FreePort.loopback();
    first = JarProcess.start(JAR, dir("a"), env("a", database, port));
    await().atMost(WAIT).until(() -> role(port).equals("leader"));
    return port;
  }

  /** Starts the second instance and waits until it stands by; returns its HTTP port. */
  private int startStandby() throws IOException {
    int port = FreePort.loopback();
    second = JarProcess.start(JAR, dir("b"), env("b", database, port));
    await().atMost(WAIT).until(() -> role(port).equals("standby"));
    return port;
  }

  @Test
  void theStandbyTakesOverAKilledLeader_deliveringEveryAlertOnceAndEditingItsStorm()
      throws Exception {
    startLeader();
    int secondPort = startStandby();
    await().atMost(WAIT).until(() -> binance.connectionCount() == 2);
    chat.sendText(501, 501, "/subscribe ETH 100k");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(textsTo(chat, "501")).anyMatch(x -> x.contains("ETH")));

    // A storm opens and reaches the channel as one message.
    long t = System.currentTimeMillis();
    for (int i = 0; i < 3; i++) {
      broadcast(forceOrder("BTCUSDT", "SELL", "10", "97000.00", t + i * 100));
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(textsTo(chat)).singleElement().asString().contains("storm"));
    int stormMessage =
        chat.sentMessages().stream()
            .filter(m -> m.chatId().equals(CHANNEL))
            .findFirst()
            .orElseThrow()
            .messageId();

    // Telegram goes down; the storm grows; two large liquidations and the subscriber's ETH alert
    // wait in the outbox.
    telegram.failNext(FakeTelegramApi.ANY_SEND, 100_000, 502, "Bad Gateway");
    telegram.failNext("editMessageText", 100_000, 502, "Bad Gateway");
    long now = System.currentTimeMillis();
    broadcast(forceOrder("BTCUSDT", "SELL", "20", "97000.00", now));
    broadcast(forceOrder("ETHUSDT", "BUY", "300", "3000.00", now));
    broadcast(forceOrder("SOLUSDT", "SELL", "5000", "200.00", now));
    await()
        .atMost(WAIT)
        .until(() -> pending(database, "SEND") == 3 && pending(database, "EDIT") == 1);

    // The leader dies; Telegram recovers; one more alert happens while no one leads.
    first.kill();
    long killedAt = System.nanoTime();
    telegram.clearArmedFailures();
    broadcast(forceOrder("BNBUSDT", "BUY", "2000", "600.00", System.currentTimeMillis()));

    await().atMost(TAKEOVER_LIMIT).until(() -> role(secondPort).equals("leader"));
    // A subscription made through the old leader is honoured by the new one.
    broadcast(forceOrder("ETHUSDT", "SELL", "50", "3000.00", System.currentTimeMillis()));
    Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
    System.out.println(
        "HighAvailabilityIT: standby took over " + takeover.toMillis() + " ms after kill -9");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(textsTo(chat)).hasSize(4);
              assertThat(stormEdits(stormMessage)).isNotEmpty();
            });
    await()
        .atMost(WAIT)
        .until(() -> pending(database, "SEND") == 0 && pending(database, "EDIT") == 0);
    Thread.sleep(4000); // anything sent twice would arrive within the delivery loop's next rounds

    List<String> texts = textsTo(chat);
    assertThat(texts).as("storm, ETH, SOL and BNB, each once").hasSize(4);
    assertThat(texts.get(0)).contains("storm", "#BTC");
    assertThat(String.join("\n", texts.subList(1, 4))).contains("#ETH", "#SOL", "#BNB");
    assertThat(texts).filteredOn(x -> x.contains("#ETH")).hasSize(1);
    assertThat(texts).filteredOn(x -> x.contains("#SOL")).hasSize(1);
    assertThat(texts).filteredOn(x -> x.contains("#BNB")).hasSize(1);
    assertThat(texts)
        .filteredOn(x -> x.contains("storm"))
        .as("the storm is never re-sent")
        .hasSize(1);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(textsTo(chat, "501"))
                    .as(
                        "subscribe reply, the $900K ETH (pending from the old leader), the $150K ETH")
                    .hasSize(3));
    assertThat(textsTo(chat, "501").get(1)).contains("#ETH", "$900");
    assertThat(textsTo(chat, "501").get(2)).contains("#ETH", "$150");
    assertThat(stormEdits(stormMessage))
        .as("the storm's update edits the message the old leader sent")
        .last()
        .satisfies(c -> assertThat(c.param("text")).contains("#BTC"));
    assertThat(telegram.calls("editMessageText"))
        .filteredOn(RecordedCall::succeeded)
        .allMatch(c -> c.params().path("message_id").asInt() == stormMessage);
    assertThat(second.isAlive()).isTrue();
    String log = second.stdout() + second.stderr();
    assertThat(log).contains("took the lease alert-bot", "promoted: handed");
    log.lines().filter(l -> l.contains("promoted:")).forEach(System.out::println);
  }

  @Test
  void aLeaderStoppedCleanlyHandsOverAtOnce() throws Exception {
    startLeader();
    int secondPort = startStandby();

    first.terminate();
    long stoppedAt = System.nanoTime();
    assertThat(first.awaitExit(WAIT)).as("SIGTERM: 143, a clean stop for systemd").isIn(0, 143);

    await().atMost(Duration.ofSeconds(10)).until(() -> role(secondPort).equals("leader"));
    System.out.println(
        "HighAvailabilityIT: standby took over "
            + Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis()
            + " ms after SIGTERM");
    assertThat(first.stdout() + first.stderr()).contains("gave up the lease alert-bot");
  }

  @Test
  void aLeaderWhoseLeaseIsTakenStopsWithStatus3() throws Exception {
    startLeader();

    try (Connection c = DriverManager.getConnection(database);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE leader_lease SET holder = 'elsewhere/0', expires_at = now() + interval '1 hour'");
    }

    assertThat(first.awaitExit(WAIT)).isEqualTo(3);
    assertThat(first.stdout() + first.stderr())
        .contains("no longer the leader (another instance holds the lease now)");
  }

  private List<RecordedCall> stormEdits(int messageId) {
    return telegram.calls("editMessageText").stream()
        .filter(c -> c.succeeded() && c.params().path("message_id").asInt() == messageId)
        .toList();
  }

  private void broadcast(String frame) {
    for (WebSocketTestServer.Connection c : binance.connections()) {
      if (c.isOpen()) {
        c.send(frame);
      }
    }
  }

  private String role(int port) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String body = r.body();
      int at = body.indexOf("\"role\":\"");
      return at < 0 ? "" : body.substring(at + 8, body.indexOf('"', at + 8));
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static int pending(String database, String kind) {
    try (Connection c = DriverManager.getConnection(database);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING' AND kind = '" + kind + "'")) {
      return r.next() ? r.getInt(1) : -1;
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  private Map<String, String> env(String instance, String database, int httpPort) {
    Map<String, String> env =
        LiveBotEnv.binanceOnly(
            telegram.baseUrl(), binance.url("/market"), workDir.resolve(instance + "/data"));
    env.put("DATABASE_URL", database);
    env.put("ALERT_HTTP_ADDR", "127.0.0.1:" + httpPort);
    return env;
  }

  private List<String> textsTo(FakeBot chat) {
    return textsTo(chat, CHANNEL);
  }

  private static List<String> textsTo(FakeBot chat, String chatId) {
    return chat.sentMessages().stream()
        .filter(m -> m.chatId().equals(chatId))
        .map(SentMessage::text)
        .toList();
  }

  private Path dir(String instance) throws IOException {
    return java.nio.file.Files.createDirectories(workDir.resolve(instance));
  }
}
