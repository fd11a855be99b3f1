package io.teleglas.commandbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.http.HttpClients;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code /raw} sends about 25 requests at once; the next one must find their connections still
 * open rather than open them again (OkHttp keeps only 5 idle by default). The server holds each
 * burst until all 25 requests have arrived, so the first burst really opens 25 connections.
 */
class UpstreamPoolTest {
  private static final int BURST = 25;

  private MockWebServer server;
  private volatile CountDownLatch arrived;
  private OkHttpClient http;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            CountDownLatch burst = arrived;
            burst.countDown();
            burst.await(10, TimeUnit.SECONDS);
            return new MockResponse().setBody("{}");
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    http = CommandBotApp.withUpstreamPool(HttpClients.create());
  }

  @AfterEach
  void stop() throws IOException {
    HttpClients.closer(http).close();
    server.shutdown();
  }

  @Test
  void aSecondBurstReusesEveryConnectionOfTheFirst() throws Exception {
    burst();
    int firstBurstRequests = server.getRequestCount();
    List<Integer> opened = new ArrayList<>();
    for (int i = 0; i < firstBurstRequests; i++) {
      opened.add(server.takeRequest().getSequenceNumber());
    }
    assertThat(opened).hasSize(BURST).containsOnly(0);

    burst();

    for (int i = 0; i < BURST; i++) {
      assertThat(server.takeRequest().getSequenceNumber())
          .as("request on a reused connection")
          .isPositive();
    }
  }

  private void burst() throws Exception {
    arrived = new CountDownLatch(BURST);
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      CompletableFuture<Integer> answer = new CompletableFuture<>();
      http.newCall(new Request.Builder().url(server.url("/r" + i)).build())
          .enqueue(
              new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                  answer.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) throws IOException {
                  try (response) {
                    response.body().string();
                    answer.complete(response.code());
                  }
                }
              });
      answers.add(answer);
    }
    for (CompletableFuture<Integer> a : answers) {
      assertThat(a.get(20, TimeUnit.SECONDS)).isEqualTo(200);
    }
  }
}
