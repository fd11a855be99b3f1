package io.teleglas.alertbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teleglas.core.testing.JarProcess;
import io.teleglas.core.testing.WebSocketTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alert-bot.jar --dry-run} against an in-process server speaking Binance's combined-stream
 * protocol (frames shaped like the documented {@code forceOrder} and {@code aggTrade} samples, with
 * current times): normalized events are printed, bad frames are skipped.
 */
class AlertBotDryRunIT {
  private static final Path JAR = Path.of("target/alert-bot.jar");

  @TempDir Path workDir;

  private static String forceOrder(long now) {
    return "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":"
        + now
        + ",\"o\":{\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"12.5\","
        + "\"p\":\"96900.10\",\"ap\":\"97000.00\",\"X\":\"FILLED\",\"l\":\"12.5\",\"z\":\"12.5\",\"T\":"
        + now
        + "}}}";
  }

  private static String aggTrade(long now) {
    return "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":"
        + now
        + ",\"s\":\"BTCUSDT\",\"a\":5933014,\"p\":\"97010.5\",\"q\":\"20\",\"f\":100,\"l\":105,\"T\":"
        + now
        + ",\"m\":true}}";
  }

  @Test
  void printsNormalizedEventsFromALiveStream() throws Exception {
    int port;
    try (java.net.ServerSocket free =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    try (WebSocketTestServer binance = WebSocketTestServer.start();
        JarProcess bot =
            JarProcess.start(
                JAR,
                workDir,
                Map.of(
                    "ALERT_SOURCES",
                    "binance",
                    "ALERT_SYMBOLS",
                    "BTC",
                    "BINANCE_WS_URL",
                    binance.url("/market"),
                    "ALERT_HTTP_ADDR",
                    "127.0.0.1:" + port),
                "--dry-run")) {
      WebSocketTestServer.Connection socket = binance.awaitConnection(Duration.ofSeconds(30));
      assertThat(socket.path()).startsWith("/market/stream");
      assertThat(socket.queryParameter("streams")).isEqualTo("!forceOrder@arr/btcusdt@aggTrade");

      long now = System.currentTimeMillis();
      socket.send(forceOrder(now));
      socket.send("not json at all");
      socket.send("{\"stream\":\"!forceOrder@arr\",\"data\":{\"o\":{\"s\":\"BTCUSDT\"}}}");
      socket.send(aggTrade(now));
      socket.send(aggTrade(now));

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(bot.stdout())
                      .contains("binance     LIQ    BTC    long  liquidated")
                      .contains("$1.21M @ $97,000.00  Binance BTCUSDT")
                      .contains("TRADE  BTC    taker sell")
                      .contains("$1.94M @ $97,010.50")
                      .contains(
                          "ALERT new        large-liquidation    #BTC long $1.21M (1 event) on Binance")
                      .contains(
                          "ALERT new        whale-trade          #BTC sell $1.94M (1 event) on Binance"));
      assertThat(bot.stdout().lines().filter(l -> l.contains("TRADE")).count())
          .as("a replayed trade is printed once")
          .isEqualTo(1);
      assertThat(bot.isAlive()).isTrue();

      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      var sources =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + "/api/websocket/sources"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(sources.statusCode()).isEqualTo(200);
      assertThat(sources.body())
          .contains("\"source\":\"binance\"", "\"connected\":true", "\"state\":\"live\"")
          .containsPattern("\"messagesReceived\":[5-9]")
          .containsPattern("\"errors\":[12]");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                var health =
                    http.send(
                        java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/health"))
                            .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body())
                    .contains("\"status\":\"UP\"", "\"activeSource\":\"binance\"");
              });

      bot.terminate();
      assertThat(bot.awaitExit(Duration.ofSeconds(10))).isIn(0, 143);
    }
  }
}
