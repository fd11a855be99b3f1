package io.teleglas.commandbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teleglas.core.testing.FakeBot;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.JarProcess;
import io.teleglas.core.testing.RecordedCall;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many users asking at once are all worked on at once: the real jar, 20 users each sending {@code
 * /raw} for a different coin, and an exchange API that holds every Binance ticker request until the
 * test lets go. Every coin's ticker request must reach the exchange before the first reply is sent.
 * With update workers sized by cores (8 on two cores) the ninth coin's request could only be sent
 * after a worker had finished, i.e. after a reply: this ordering, not a duration, is what is
 * checked.
 */
class ConcurrentUsersIT {
  private static final Path JAR = Path.of("target/command-bot.jar");
  private static final String TOKEN = "12345678:command-token-0123456789abcdefghijk";
  private static final int USERS = 20;

  @TempDir Path workDir;
  private FakeTelegramApi telegram;
  private MockWebServer venues;
  private JarProcess bot;
  private final CountDownLatch release = new CountDownLatch(1);
  private final Map<String, Instant> tickerArrivals = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    telegram = FakeTelegramApi.start();
    venues = new MockWebServer();
    venues.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String path = request.getRequestUrl().encodedPath();
            if (path.equals("/fapi/v1/ticker/24hr")) {
              tickerArrivals.putIfAbsent(
                  request.getRequestUrl().queryParameter("symbol"), Instant.now());
              release.await(30, TimeUnit.SECONDS);
            }
            return new MockResponse().setResponseCode(404).setBody("{}");
          }
        });
    venues.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    release.countDown();
    if (bot != null) {
      bot.close();
    }
    venues.shutdown();
    telegram.close();
  }

  @Test
  void twentyUsersAskingAtOnceAreAllBeingAnsweredAtOnce() {
    FakeBot chat = telegram.bot(TOKEN);
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", telegram.baseUrl());
    env.put("COMMAND_HTTP_ADDR", "off");
    String base = "http://127.0.0.1:" + venues.getPort();
    for (String v :
        List.of("BINANCE_FAPI_URL", "BYBIT_API_URL", "OKX_API_URL", "HYPERLIQUID_API_URL")) {
      env.put(v, base);
    }
    bot = JarProcess.start(JAR, workDir, env);
    await().atMost(Duration.ofSeconds(30)).until(() -> chat.getUpdatesCount() > 0);
    List<String> coins =
        IntStream.range(0, USERS).mapToObj(i -> "COIN" + (char) ('A' + i)).toList();

    for (int i = 0; i < USERS; i++) {
      chat.sendText(1000 + i, 1000 + i, "/raw " + coins.get(i));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> tickerArrivals.size() == USERS);
    release.countDown();

    List<RecordedCall> replies =
        telegram.awaitCalls("sendMessage", USERS, Duration.ofSeconds(30)).stream()
            .filter(RecordedCall::succeeded)
            .toList();
    assertThat(replies).hasSize(USERS);
    assertThat(tickerArrivals.keySet())
        .containsExactlyInAnyOrderElementsOf(coins.stream().map(c -> c + "USDT").toList());
    Instant firstReply =
        replies.stream().map(RecordedCall::receivedAt).min(Comparator.naturalOrder()).orElseThrow();
    assertThat(tickerArrivals.values()).allSatisfy(at -> assertThat(at).isBefore(firstReply));
    assertThat(replies)
        .extracting(r -> r.param("text"))
        .allSatisfy(text -> assertThat(text).contains("price <i>unavailable"));
  }
}
