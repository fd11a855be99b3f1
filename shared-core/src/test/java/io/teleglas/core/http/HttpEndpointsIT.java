package io.teleglas.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpEndpointsIT {
  private final AtomicInteger calls = new AtomicInteger();
  private final HttpEndpoints endpoints =
      new HttpEndpoints(new InetSocketAddress("127.0.0.1", 0))
          .route(
              "/health",
              () -> HttpEndpoints.Response.json(200, "{\"n\":" + calls.incrementAndGet() + "}"))
          .route(
              "/broken",
              () -> {
                throw new IllegalStateException("boom");
              })
          .start();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    endpoints.close();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void get_answersWhatTheRouteSaysNow() throws Exception {
    assertThat(send("GET", "/health").body()).isEqualTo("{\"n\":1}");
    HttpResponse<String> second = send("GET", "/health");
    assertThat(second.body()).isEqualTo("{\"n\":2}");
    assertThat(second.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void unknownPathsMethodsAndFailingHandlersGetErrors() throws Exception {
    assertThat(send("GET", "/nope").statusCode()).isEqualTo(404);
    assertThat(send("POST", "/health").statusCode()).isEqualTo(405);
    assertThat(send("GET", "/broken").statusCode()).isEqualTo(500);
    assertThat(send("HEAD", "/health").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void start_onATakenPortSaysWhich() {
    HttpEndpoints second = new HttpEndpoints(new InetSocketAddress("127.0.0.1", endpoints.port()));
    assertThatThrownBy(second::start).hasMessageContaining("cannot listen on");
  }

  @Test
  void route_afterStartIsRefused() {
    assertThatThrownBy(() -> endpoints.route("/late", () -> null))
        .isInstanceOf(IllegalStateException.class);
  }
}
