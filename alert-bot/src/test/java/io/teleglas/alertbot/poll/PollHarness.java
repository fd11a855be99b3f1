package io.teleglas.alertbot.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.alertbot.stream.EventDeduplicator;
import io.teleglas.core.coinglass.CoinglassClient;
import io.teleglas.core.coinglass.CoinglassRateLimiter;
import io.teleglas.core.coinglass.Plan;
import io.teleglas.core.config.Secret;
import io.teleglas.core.exchange.VenueHttp;
import io.teleglas.core.exchange.okx.OkxErrors;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.testing.MutableClock;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;

/**
 * CoinGlass and OKX played by one WireMock on 127.0.0.1, and what pollers need around them: one
 * test-driven clock for the clients' caches, the scheduler, the de-duplicator and the sink.
 * Fixtures are read from {@code io/teleglas/alertbot/poll/}. One per test.
 */
final class PollHarness implements AutoCloseable {
  static final String KEY = "cg-test-key-0123456789abcdef";

  /** Requests give up after this long; slower stubs time out. */
  static final Duration CALL_TIMEOUT = Duration.ofMillis(700);

  final WireMockServer server;
  final MutableClock clock;
  final ManualScheduler scheduler;
  final EventDeduplicator deduplicator;
  final CollectingSink sink = new CollectingSink();
  final ObjectMapper mapper = new ObjectMapper();
  final InstrumentCatalog instruments = InstrumentCatalog.bundled();
  final OkHttpClient http = new OkHttpClient.Builder().callTimeout(CALL_TIMEOUT).build();
  final UpstreamMeter meter;

  PollHarness(Instant now) {
    clock = new MutableClock(now);
    scheduler = new ManualScheduler(clock);
    deduplicator = EventDeduplicator.standard(clock);
    meter = new UpstreamMeter(new SimpleMeterRegistry(), clock);
    server =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .jettyStopTimeout(1_000L)
                .notifier(new Slf4jNotifier(false)));
    server.start();
  }

  URI baseUri() {
    return URI.create(server.baseUrl());
  }

  PollContext context() {
    return new PollContext(scheduler, clock, deduplicator, sink);
  }

  /** A Standard-plan client, the least plan with liquidation orders. */
  CoinglassClient coinglass() {
    return CoinglassClient.newBuilder()
        .baseUrl(baseUri())
        .apiKey(Secret.of(KEY))
        .okHttpClient(http)
        .objectMapper(mapper)
        .clock(clock)
        .meter(meter)
        .rateLimiter(CoinglassRateLimiter.forPlan(Plan.STANDARD, clock))
        .callTimeout(CALL_TIMEOUT)
        .build();
  }

  VenueHttp okx() {
    return new VenueHttp("OKX", http, mapper, clock, meter, new OkxErrors());
  }

  /** Runs what is due now and waits until {@code poller} has had one more poll answered. */
  void pollNow(Poller poller) {
    advanceOnePoll(poller, Duration.ZERO);
  }

  /** Moves the clock by {@code by} and waits until {@code poller} has had one more answer. */
  void advanceOnePoll(Poller poller, Duration by) {
    long before = poller.snapshot().polls();
    scheduler.advance(by);
    await().atMost(Duration.ofSeconds(5)).until(() -> poller.snapshot().polls() == before + 1);
  }

  int requests() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  static String fixture(String name) {
    String path = "/io/teleglas/alertbot/poll/" + name;
    try (InputStream in = PollHarness.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
