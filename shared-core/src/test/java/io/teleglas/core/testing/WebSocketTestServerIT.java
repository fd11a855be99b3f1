package io.teleglas.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teleglas.core.testing.WebSocketTestServer.Connection;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives {@link WebSocketTestServer} with a plain OkHttp WebSocket client, as the stream sessions
 * will.
 */
class WebSocketTestServerIT {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private WebSocketTestServer server;
  private OkHttpClient http;

  @BeforeEach
  void start() {
    server = WebSocketTestServer.start();
    http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
  }

  @AfterEach
  void stop() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void messagesFlowBothWays_andTheRequestIsRecorded() throws Exception {
    ClientSide client = connect("/market?streams=btcusdt@aggTrade");
    Connection connection = server.awaitConnection(WAIT);

    connection.send("hello");
    client.socket.send("{\"op\":\"subscribe\"}");

    assertThat(client.nextMessage()).isEqualTo("hello");
    assertThat(connection.awaitMessage(WAIT)).isEqualTo("{\"op\":\"subscribe\"}");
    assertThat(connection.messages()).containsExactly("{\"op\":\"subscribe\"}");
    assertThat(connection.path()).isEqualTo("/market");
    assertThat(connection.queryParameter("streams")).isEqualTo("btcusdt@aggTrade");
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void serverClose_reachesTheClientAsOnClosed() throws Exception {
    ClientSide client = connect("/ws");
    Connection connection = server.awaitConnection(WAIT);

    connection.close(1001, "going away");

    assertThat(client.closedCode.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1001);
    connection.awaitClosed(WAIT);
    assertThat(connection.isOpen()).isFalse();
    assertThat(connection.closeCode()).isEqualTo(1001);
    assertThat(client.failure).isNotDone();
  }

  @Test
  void cancel_dropsTheConnection_andTheClientSeesOnFailure() throws Exception {
    ClientSide client = connect("/ws");
    Connection connection = server.awaitConnection(WAIT);

    connection.cancel();

    assertThat(client.failure.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    connection.awaitClosed(WAIT);
    assertThat(connection.isOpen()).isFalse();
    assertThat(connection.closeCode()).isEqualTo(-1);
    assertThat(client.closedCode).isNotDone();
  }

  @Test
  void refusedConnections_failWithTheStatus_untilAcceptedAgain() throws Exception {
    server.refuseConnections(503);

    ClientSide refused = connect("/ws");

    assertThat(refused.failure.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    assertThat(refused.failureStatus).isEqualTo(503);
    assertThat(server.refusedCount()).isEqualTo(1);
    assertThat(server.connectionCount()).isZero();

    server.acceptConnections();
    connect("/ws");
    assertThat(server.awaitConnection(WAIT).isOpen()).isTrue();
  }

  @Test
  void responder_answersPingWithPong_andNothingElse() throws Exception {
    server.onMessage(WebSocketTestServer.reply("ping", "pong"));
    ClientSide client = connect("/ws");
    Connection connection = server.awaitConnection(WAIT);

    client.socket.send("ping");
    client.socket.send("something else");
    client.socket.send("ping");

    assertThat(client.nextMessage()).isEqualTo("pong");
    assertThat(client.nextMessage()).isEqualTo("pong");
    await().atMost(WAIT).until(() -> connection.messages().size() == 3);
    assertThat(client.received).isEmpty(); // "something else" got no answer
  }

  @Test
  void openHook_greetsEachNewConnection() throws Exception {
    server.onOpen(connection -> connection.send("welcome " + connection.path()));

    ClientSide client = connect("/feed");

    assertThat(client.nextMessage()).isEqualTo("welcome /feed");
  }

  @Test
  void twoConnections_areTrackedSeparately() throws Exception {
    ClientSide first = connect("/first");
    Connection firstOnServer = server.awaitConnection(WAIT);
    ClientSide second = connect("/second");
    Connection secondOnServer = server.awaitConnection(WAIT);

    secondOnServer.send("only for the second");
    first.socket.send("from the first");

    assertThat(second.nextMessage()).isEqualTo("only for the second");
    assertThat(firstOnServer.awaitMessage(WAIT)).isEqualTo("from the first");
    assertThat(secondOnServer.messages()).isEmpty();
    assertThat(first.received).isEmpty();
    assertThat(server.connections())
        .extracting(Connection::path)
        .containsExactly("/first", "/second");
    assertThat(server.connectionCount()).isEqualTo(2);
  }

  @Test
  void clientClose_isAnswered_andRecorded() throws Exception {
    ClientSide client = connect("/ws");
    Connection connection = server.awaitConnection(WAIT);

    client.socket.close(1000, "bye");

    assertThat(client.closedCode.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1000);
    connection.awaitClosed(WAIT);
    assertThat(connection.closeCode()).isEqualTo(1000);
  }

  @Test
  void closingTheServer_dropsOpenConnections() throws Exception {
    ClientSide client = connect("/ws");
    Connection connection = server.awaitConnection(WAIT);

    server.close();

    assertThat(client.failure.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    assertThat(connection.isOpen()).isFalse();
  }

  private ClientSide connect(String path) {
    ClientSide client = new ClientSide();
    client.socket = http.newWebSocket(new Request.Builder().url(server.url(path)).build(), client);
    return client;
  }

  /** Records what an OkHttp client sees, as a stream session's listener would. */
  private static final class ClientSide extends WebSocketListener {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closedCode = new CompletableFuture<>();
    final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    volatile int failureStatus;
    volatile WebSocket socket;

    String nextMessage() throws InterruptedException {
      String message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(message).as("a message within " + WAIT).isNotNull();
      return message;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received.add(text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(code, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      closedCode.complete(code);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      failureStatus = response == null ? 0 : response.code();
      failure.complete(t);
    }
  }
}
