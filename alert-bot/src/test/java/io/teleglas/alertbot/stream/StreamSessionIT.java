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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link StreamSession} against an in-process WebSocket server speaking {@link FakeProtocol}. */
class StreamSessionIT {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration BACKOFF_BASE = Duration.ofMillis(20);
  private static final Duration BACKOFF_CAP = Duration.ofMillis(160);
  private static final List<String> TOPICS = List.of("BTC", "ETH");

  private WebSocketTestServer server;
  private OkHttpClient http;
  private ScheduledThreadPoolExecutor scheduler;
  private StreamContext context;
  private final RecordingSink sink = new RecordingSink();
  private final RecordingListener listener = new RecordingListener();
  private final List<StreamSession> sessions = new ArrayList<>();

  @BeforeEach
  void start() {
    server = WebSocketTestServer.start();
    server.onMessage(FakeProtocol.venue(true));
    http = new OkHttpClient();
    scheduler = new ScheduledThreadPoolExecutor(1, new DaemonThreads("stream-test"));
    scheduler.setRemoveOnCancelPolicy(true);
    context =
        StreamContext.of(http, scheduler)
            .withBackoffs(
                () -> new Backoff(BACKOFF_BASE, BACKOFF_CAP, Jitter.FULL, FixedRandom.HIGHEST))
            .withAckTimeout(Duration.ofMillis(500));
  }

  @AfterEach
  void stop() {
    sessions.forEach(StreamSession::close);
    scheduler.shutdownNow();
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private StreamSession open(FakeProtocol protocol, EventSink target) {
    StreamSession session =
        new StreamSession(context, protocol, URI.create(server.url("")), TOPICS, target, listener);
    sessions.add(session);
    session.start();
    return session;
  }

  private StreamSession openLive(FakeProtocol protocol) {
    StreamSession session = open(protocol, sink);
    awaitState(session, SessionState.LIVE);
    return session;
  }

  private static void awaitState(StreamSession session, SessionState state) {
    await().atMost(WAIT).until(session::state, s -> s == state);
  }

  private static void awaitSubscribed(Connection connection) {
    assertThat(List.of(connection.awaitMessage(WAIT), connection.awaitMessage(WAIT)))
        .containsExactly(subscribe("BTC"), subscribe("ETH"));
  }

  @Test
  void start_sendsExactlyTheSubscribeMessagesAndGoesLiveOnTheAcks() {
    StreamSession session = openLive(FakeProtocol.acking());

    Connection connection = server.awaitConnection(WAIT);
    assertThat(connection.path()).isEqualTo("/ws");
    assertThat(connection.queryParameter("topics")).isEqualTo("BTC,ETH");
    assertThat(connection.messages()).containsExactly(subscribe("BTC"), subscribe("ETH"));
    await().atMost(WAIT).until(() -> listener.calls.contains("connected after 0"));
    SessionSnapshot snapshot = session.snapshot();
    assertThat(snapshot.connectedSince()).isPresent();
    assertThat(snapshot.counts().messages()).isEqualTo(2);
    assertThat(snapshot.counts().reconnects()).isZero();
  }

  @Test
  void missingAck_replacesTheConnection() {
    server.onMessage(
        (connection, text) -> {
          if (text.equals(subscribe("BTC"))) {
            connection.send(ack("BTC"));
          }
        });
    StreamSession session = open(FakeProtocol.acking(), sink);

    Connection first = server.awaitConnection(WAIT);
    first.awaitClosed(WAIT);
    Connection second = server.awaitConnection(WAIT);

    awaitSubscribed(second);
    assertThat(listener.disconnectReasons.get(0)).contains("1 subscription ack(s) missing");
    assertThat(listener.calls).doesNotContain("connected after 0");
    assertThat(session.snapshot().failedAttempts()).isPositive();
  }

  @Test
  void heartbeat_isSentEveryInterval() {
    Duration interval = Duration.ofMillis(300);
    Map<String, Long> arrivals = new ConcurrentHashMap<>();
    server.onMessage(
        (connection, text) -> {
          String key = text.equals("ping") ? "ping" + arrivals.size() : text;
          arrivals.put(key, System.nanoTime());
          FakeProtocol.venue(true).accept(connection, text);
        });
    StreamSession session = openLive(FakeProtocol.acking().withHeartbeat(interval));

    await().atMost(WAIT).until(() -> arrivals.size() >= 5);

    long subscribed = arrivals.get(subscribe("BTC"));
    long firstPing = arrivals.get("ping2");
    long secondPing = arrivals.get("ping3");
    assertThat(Duration.ofNanos(firstPing - subscribed))
        .isBetween(interval.multipliedBy(8).dividedBy(10), interval.multipliedBy(3));
    assertThat(Duration.ofNanos(secondPing - firstPing))
        .isBetween(interval.multipliedBy(5).dividedBy(10), interval.multipliedBy(3));
    assertThat(session.state()).isEqualTo(SessionState.LIVE);
    assertThat(server.connectionCount()).isEqualTo(1);
  }

  @Test
  void heartbeat_unansweredReplacesTheConnection() {
    server.onMessage(FakeProtocol.venue(false));
    StreamSession session = openLive(FakeProtocol.acking().withHeartbeat(Duration.ofMillis(200)));

    Connection first = server.awaitConnection(WAIT);
    first.awaitClosed(WAIT);
    Connection second = server.awaitConnection(WAIT);

    awaitSubscribed(second);
    assertThat(first.messages()).containsSubsequence(subscribe("ETH"), "ping");
    assertThat(listener.disconnectReasons.get(0)).isEqualTo("no heartbeat reply within 200 ms");
    assertThat(session.snapshot().counts().reconnects()).isPositive();
  }

  @Test
  void serverClose_reconnectsAndSubscribesAgain() {
    StreamSession session = openLive(FakeProtocol.acking());
    Connection first = server.awaitConnection(WAIT);

    first.close(1001, "restarting");

    Connection second = server.awaitConnection(WAIT);
    awaitSubscribed(second);
    await().atMost(WAIT).until(() -> listener.calls.contains("connected after 1"));
    assertThat(listener.disconnectReasons).containsExactly("closed by the venue: 1001 restarting");
    assertThat(session.state()).isEqualTo(SessionState.LIVE);
    assertThat(session.snapshot().counts().reconnects()).isEqualTo(1);
    assertThat(session.snapshot().failedAttempts()).isZero();
  }

  @Test
  void droppedSocket_reconnectsAndSubscribesAgain() {
    StreamSession session = openLive(FakeProtocol.acking());
    Connection first = server.awaitConnection(WAIT);

    first.cancel();

    Connection second = server.awaitConnection(WAIT);
    awaitSubscribed(second);
    awaitState(session, SessionState.LIVE);
    second.send(trade("1", Instant.now()));
    await().atMost(WAIT).until(sink::tradeIds, ids -> ids.equals(List.of("1")));
    assertThat(listener.calls).containsSubsequence("disconnected", "connected after 1");
  }

  @Test
  void refusedConnections_backOffGrowingToTheCap_recover_andStartOverFromBase() {
    server.refuseConnections(503);
    StreamSession session = open(FakeProtocol.acking(), sink);

    await().atMost(WAIT).until(() -> listener.retryDelays.size() >= 6);
    server.acceptConnections();

    awaitState(session, SessionState.LIVE);
    await().atMost(WAIT).until(() -> listener.calls.stream().anyMatch(c -> c.startsWith("conn")));
    List<Long> delays = listener.retryDelays.stream().map(Duration::toMillis).toList();
    assertThat(delays.subList(0, 6)).containsExactly(19L, 39L, 79L, 159L, 159L, 159L);
    assertThat(delays).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(160L));
    assertThat(listener.disconnectReasons).allSatisfy(r -> assertThat(r).contains("HTTP 503"));
    assertThat(listener.calls).endsWith("connected after " + delays.size());
    assertThat(server.refusedCount()).isEqualTo(delays.size());
    assertThat(session.snapshot().failedAttempts()).isZero();

    server.awaitConnection(WAIT).cancel();

    await().atMost(WAIT).until(() -> listener.retryDelays.size() == delays.size() + 1);
    assertThat(listener.retryDelays.get(delays.size())).isEqualTo(Duration.ofNanos(19_999_999));
  }

  @Test
  void silentSocket_isMarkedStaleAndReplaced() {
    Duration maxSilence = Duration.ofMillis(400);
    Map<Connection, Long> lastAckSent = new ConcurrentHashMap<>();
    server.onMessage(
        (connection, text) -> {
          lastAckSent.put(connection, System.nanoTime());
          connection.send(ack(FakeProtocol.topicOf(text)));
        });
    StreamSession session = openLive(FakeProtocol.acking().withMaxSilence(maxSilence));
    Connection first = server.awaitConnection(WAIT);

    await().atMost(WAIT).until(() -> listener.calls.contains("stale"));

    long silent = listener.staleNanoTimes.get(0) - lastAckSent.get(first);
    assertThat(Duration.ofNanos(silent)).isGreaterThanOrEqualTo(maxSilence);
    first.awaitClosed(WAIT);
    assertThat(first.closeCode()).isEqualTo(1000);
    awaitSubscribed(server.awaitConnection(WAIT));
    assertThat(listener.disconnectReasons.get(0)).startsWith("stale: no frame for");
    assertThat(session.snapshot().lastProblem()).hasValueSatisfying(p -> p.startsWith("stale"));
  }

  @Test
  void garbageFrames_areCounted_andLaterFramesStillFlow() {
    StreamSession session = openLive(FakeProtocol.acking());
    Connection connection = server.awaitConnection(WAIT);

    connection.send("not json at all");
    connection.send("{\"type\":\"trade\",\"id\":");
    connection.send("{\"type\":\"trade\",\"id\":\"9\",\"coin\":\"btc\"}");
    connection.send(trade("1", Instant.now()));

    await().atMost(WAIT).until(sink::tradeIds, ids -> ids.equals(List.of("1")));
    SessionSnapshot.Counts counts = session.snapshot().counts();
    assertThat(counts.invalidFrames()).isEqualTo(3);
    assertThat(counts.events()).isEqualTo(1);
    assertThat(counts.messages()).isEqualTo(2 + 4);
    assertThat(session.state()).isEqualTo(SessionState.LIVE);
    assertThat(server.connectionCount()).isEqualTo(1);
  }

  @Test
  void replayAfterReconnect_isPassedOnOnce_throughTheDeduplicator() {
    EventDeduplicator dedup = EventDeduplicator.standard(Clock.systemUTC());
    Instant now = Instant.now();
    StreamSession session = open(FakeProtocol.acking(), dedup.filter(sink));
    awaitState(session, SessionState.LIVE);
    Connection first = server.awaitConnection(WAIT);
    first.send(trade("1", now));
    first.send(trade("2", now));
    await().atMost(WAIT).until(sink::tradeIds, ids -> ids.size() == 2);

    first.cancel();
    Connection second = server.awaitConnection(WAIT);
    awaitSubscribed(second);
    second.send(trade("1", now));
    second.send(trade("2", now));
    second.send(trade("3", now));

    await().atMost(WAIT).until(() -> session.snapshot().counts().events() == 5);
    assertThat(sink.tradeIds()).containsExactly("1", "2", "3");
    assertThat(dedup.duplicates()).isEqualTo(2);
  }

  @Test
  void close_sendsClose1000_stopsEveryTask_andNeverReconnects() {
    StreamSession session =
        openLive(
            FakeProtocol.acking()
                .withHeartbeat(Duration.ofMillis(100))
                .withMaxSilence(Duration.ofMillis(300)));
    Connection connection = server.awaitConnection(WAIT);
    assertThat(scheduler.getQueue()).isNotEmpty();

    session.close();

    connection.awaitClosed(WAIT);
    assertThat(connection.closeCode()).isEqualTo(1000);
    assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    await().atMost(WAIT).until(() -> scheduler.getQueue().isEmpty());
    await()
        .during(Duration.ofMillis(600))
        .atMost(WAIT)
        .until(() -> server.connectionCount() == 1 && session.state() == SessionState.CLOSED);
  }

  @Test
  void sinkRefusals_areCounted_andLatencyIsMeasuredFromEventTime() {
    StreamSession session = openLive(FakeProtocol.acking());
    Connection connection = server.awaitConnection(WAIT);
    sink.refuse();

    connection.send(trade("1", Instant.now().minusSeconds(2)));
    connection.send(trade("2", Instant.now().minusSeconds(2)));

    await().atMost(WAIT).until(() -> session.snapshot().counts().sinkRefusals() == 2);
    SessionSnapshot snapshot = session.snapshot();
    assertThat(snapshot.counts().events()).isEqualTo(2);
    assertThat(snapshot.lastEventAt()).isPresent();
    assertThat(snapshot.lastLatency())
        .hasValueSatisfying(
            l -> assertThat(l).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10)));
    assertThat(snapshot.averageLatency())
        .hasValueSatisfying(
            l -> assertThat(l).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10)));
    assertThat(sink.tradeIds()).isEmpty();
  }

  @Test
  void rejectedSubscription_isCountedAndReported_whileTheRestStaysLive() {
    server.onMessage(
        (connection, text) ->
            connection.send(
                text.equals(subscribe("ETH"))
                    ? "{\"op\":\"error\",\"msg\":\"unknown topic ETH\"}"
                    : ack(FakeProtocol.topicOf(text))));
    StreamSession session = openLive(FakeProtocol.acking());

    await().atMost(WAIT).until(() -> listener.calls.contains("error: unknown topic ETH"));
    assertThat(session.snapshot().counts().rejectedSubscriptions()).isEqualTo(1);
    assertThat(session.snapshot().lastProblem()).contains("venue refused: unknown topic ETH");
  }
}
