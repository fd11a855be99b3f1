package io.teleglas.core.exchange;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;

/**
 * A venue's REST API played by WireMock on 127.0.0.1, with what an exchange client needs to talk to
 * it: an OkHttp client with a short call timeout, a mapper, a fixed clock, a meter and the bundled
 * instrument catalog. Fixtures are read from {@code io/teleglas/core/exchange/}. Open one per test.
 */
public final class VenueStub implements AutoCloseable {
  /** The HTTP client gives up after this long; stubs slower than it time out. */
  public static final Duration CALL_TIMEOUT = Duration.ofMillis(700);

  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  public final WireMockServer server;
  public final OkHttpClient http;
  public final ObjectMapper mapper = new ObjectMapper();
  public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final UpstreamMeter meter = new UpstreamMeter(registry, clock);
  public final InstrumentCatalog catalog = InstrumentCatalog.bundled();

  public VenueStub() {
    server =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .jettyAcceptors(1)
                .jettyStopTimeout(1_000L)
                .notifier(new Slf4jNotifier(false)));
    server.start();
    http = new OkHttpClient.Builder().callTimeout(CALL_TIMEOUT).build();
  }

  public URI baseUri() {
    return URI.create(server.baseUrl());
  }

  /** A fixture's text; {@code name} is relative to {@code io/teleglas/core/exchange/}. */
  public static String fixture(String name) {
    String path = "/io/teleglas/core/exchange/" + name;
    try (InputStream in = VenueStub.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many calls the meter saw for an upstream with the given outcome ("ok", "timeout"...). */
  public long meteredCalls(String upstream, String outcome) {
    return registry
        .find("teleglas_upstream_calls")
        .tag("upstream", upstream)
        .tag("outcome", outcome)
        .timers()
        .stream()
        .mapToLong(t -> t.count())
        .sum();
  }

  @Override
  public void close() {
    server.stop();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
