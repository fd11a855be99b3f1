package io.teleglas.core.coinglass;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.core.config.Secret;
import io.teleglas.core.testing.MutableClock;
import io.teleglas.core.upstream.UpstreamMeter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** A WireMock CoinGlass on loopback and what a client needs to talk to it. */
final class CoinglassHarness implements AutoCloseable {
  static final String KEY = "cg-test-key-0123456789abcdef";

  /** Just after the newest doc sample bucket (2025-03-10T12:00Z), so those are current. */
  static final Instant NOW = Instant.parse("2025-03-10T13:30:00Z");

  final WireMockServer server;
  final MutableClock clock = new MutableClock(NOW);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final UpstreamMeter meter = new UpstreamMeter(registry, clock);
  final OkHttpClient http = new OkHttpClient();
  final ObjectMapper mapper = new ObjectMapper();

  CoinglassHarness() {
    server =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .jettyStopTimeout(1_000L)
                .notifier(new Slf4jNotifier(false)));
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  CoinglassClient.Builder builder() {
    return CoinglassClient.newBuilder()
        .baseUrl(baseUrl())
        .apiKey(Secret.of(KEY))
        .okHttpClient(http)
        .objectMapper(mapper)
        .clock(clock)
        .meter(meter)
        .callTimeout(Duration.ofSeconds(5));
  }

  CoinglassClient client() {
    return builder().build();
  }

  @Override
  public void close() throws InterruptedException {
    server.stop();
    http.dispatcher().executorService().shutdown();
    http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS);
    http.connectionPool().evictAll();
  }
}
