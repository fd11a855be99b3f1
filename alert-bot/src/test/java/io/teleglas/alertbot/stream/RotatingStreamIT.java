package io.teleglas.alertbot.stream;

import static io.teleglas.alertbot.stream.FakeProtocol.ack;
import static io.teleglas.alertbot.stream.FakeProtocol.subscribe;
import static io.teleglas.alertbot.stream.FakeProtocol.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teleglas.alertbot.stream.Backoff.Jitter;
import io.teleglas.core.lifecycle.DaemonThreads;
import io.teleglas.core.testing.WebSocketTestServer;
import io.teleglas.core.testing.WebSocketTestServer.Connection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RotatingStream} replacing connections against an in-process WebSocket server. */
class RotatingStreamIT {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final List<String> TOPICS = List.of("BTC", "ETH");

  private WebSocketTestServer server;
  private OkHttpClient http;
  private ScheduledThreadPoolExecutor scheduler;
  private StreamContext context;
  private RotatingStream stream;
  private final RecordingSink sink = new RecordingSink();
  private final RecordingListener listener = new RecordingListener();
  private final EventDeduplicator dedup = EventDeduplicator.standard(Clock.systemUTC());
  private final AtomicBoolean autoAck = new AtomicBoolean(true);

  @BeforeEach
  void start() {
    server = WebSocketTestServer.start();
    server.onMessage(
        (connection, text) -> {
          if (autoAck.get()) {
            connection.send(ack(FakeProtocol.topicOf(text)));
          }
        });
    http = new OkHttpClient();
    scheduler = new ScheduledThreadPoolExecutor(1, new DaemonThreads("rotation-test"));
    context =
        StreamContext.of(http, scheduler)
            .withBackoffs(
                () ->
                    new Backoff(
                        Duration.ofMillis(20),
                        Duration.ofMillis(100),
                        Jitter.FULL,
                        FixedRandom.HIGHEST))
            .withAckTimeout(Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    if (stream != null) {
      stream.close();
    }
    scheduler.shutdownNow();
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private void open(FakeProtocol protocol) {
    stream =
        new RotatingStream(
            context, protocol, URI.create(server.url("")), TOPICS, sink, dedup, listener);
    stream.start();
    await().atMost(WAIT).until(() -> stream.snapshot().state() == SessionState.LIVE);
  }

  private static void awaitSubscribed(Connection connection) {
    assertThat(List.of(connection.awaitMessage(WAIT), connection.awaitMessage(WAIT)))
        .containsExactly(subscribe("BTC"), subscribe("ETH"));
  }

  @Test
  void rotation_beforeMaxAge_switchesSocketsWithNoDuplicateAndNoGap() {
    context = context.withRotationMargin(Duration.ofMillis(500));
    Instant now = Instant.now();
    open(FakeProtocol.acking().withMaxConnectionAge(Duration.ofSeconds(1)));
    Connection first = server.awaitConnection(WAIT);
    autoAck.set(false);
    first.send(trade("1", now));
    await().atMost(WAIT).until(sink::tradeIds, ids -> ids.equals(List.of("1")));

    Connection second = server.awaitConnection(WAIT);
    awaitSubscribed(second);
    first.send(trade("2", now));
    await().atMost(WAIT).until(sink::tradeIds, ids -> ids.equals(List.of("1", "2")));
    second.send(trade("2", now));
    first.send(trade("3", now));
    second.send(trade("3", now));
    await().atMost(WAIT).until(() -> dedup.duplicates() == 2);
    assertThat(first.isOpen()).isTrue();

    second.send(ack("BTC"));
    second.send(ack("ETH"));

    first.awaitClosed(WAIT);
    assertThat(first.closeCode()).isEqualTo(1000);
    second.send(trade("4", now));
    await().atMost(WAIT).until(sink::tradeIds, ids -> ids.size() == 4);
    assertThat(sink.tradeIds()).containsExactly("1", "2", "3", "4");
    assertThat(stream.rotations()).isEqualTo(1);
    SessionSnapshot snapshot = stream.snapshot();
    assertThat(snapshot.state()).isEqualTo(SessionState.LIVE);
    assertThat(snapshot.counts().events()).isEqualTo(3 + 3);
    assertThat(listener.calls).containsExactly("connected after 0");
  }

  @Test
  void withoutMaxAge_neverRotates_butStillDropsReplaysAfterReconnect() {
    Instant now = Instant.now();
    open(FakeProtocol.acking());
    Connection first = server.awaitConnection(WAIT);
    first.send(trade("1", now));
    await().atMost(WAIT).until(sink::tradeIds, ids -> ids.equals(List.of("1")));

    first.cancel();
    Connection second = server.awaitConnection(WAIT);
    awaitSubscribed(second);
    second.send(trade("1", now));
    second.send(trade("2", now));

    await().atMost(WAIT).until(sink::tradeIds, ids -> ids.equals(List.of("1", "2")));
    assertThat(dedup.duplicates()).isEqualTo(1);
    await()
        .during(Duration.ofMillis(800))
        .atMost(WAIT)
        .until(() -> server.connectionCount() == 2 && stream.rotations() == 0);
    assertThat(listener.calls)
        .containsExactly("connected after 0", "disconnected", "connected after 1");
  }
}
