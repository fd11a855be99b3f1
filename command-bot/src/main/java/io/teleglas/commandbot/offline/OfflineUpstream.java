package io.teleglas.commandbot.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.teleglas.core.coinglass.Plan;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.config.Secret;
import io.teleglas.core.lifecycle.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --console --offline}: the bundled sample data served over HTTP on 127.0.0.1 as CoinGlass,
 * Binance, Bybit, OKX and Hyperliquid would answer, so the real clients, adapters and commands run
 * unchanged without touching the network. Paths are disjoint between the upstreams, so one base URL
 * stands for all of them ({@link #configFor}). Which file answers which request is listed in {@code
 * routes.txt} ({@link SampleRoutes}); time placeholders are filled at each request ({@link
 * SampleTimes}). CoinGlass requests need the key the server was started with, as CoinGlass needs
 * its {@code CG-API-KEY}; requests without sample data get 404.
 *
 * <p>Requests are answered on a few daemon threads; {@link #close} stops the listener and them.
 */
public final class OfflineUpstream implements AutoCloseable {
  /** The first line of an offline console session. */
  public static final String NOTICE =
      "Offline: answers come from bundled sample data, not the market.";

  /** The CoinGlass key the offline console configures and the sample server accepts. */
  public static final Secret SAMPLE_KEY = Secret.of("offline-sample-key");

  /**
   * The CoinGlass plan the samples stand for: they include Standard's endpoints (price changes,
   * RSI), and the server announces Standard's request budget.
   */
  public static final Plan SAMPLE_PLAN = Plan.STANDARD;

  private static final Logger log = LoggerFactory.getLogger(OfflineUpstream.class);
  private static final String COINGLASS = "coinglass";
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService executor;
  private final SampleRoutes routes;
  private final Secret coinglassKey;
  private final Clock clock;
  private final ObjectMapper mapper = new ObjectMapper();
  private long minute;
  private int callsThisMinute;

  private OfflineUpstream(
      HttpServer server,
      ExecutorService executor,
      SampleRoutes routes,
      Secret coinglassKey,
      Clock clock) {
    this.server = server;
    this.executor = executor;
    this.routes = routes;
    this.coinglassKey = coinglassKey;
    this.clock = clock;
  }

  /**
   * Reads the bundled samples, checks that every file fills to JSON, and starts serving them on a
   * free loopback port.
   *
   * @param coinglassKey the only {@code CG-API-KEY} CoinGlass paths accept
   * @param clock the time placeholders are filled from
   * @throws IllegalStateException if a sample file is missing or not JSON once filled
   * @throws UncheckedIOException if no loopback port can be opened
   */
  public static OfflineUpstream start(Secret coinglassKey, Clock clock) {
    SampleRoutes routes = SampleRoutes.bundled();
    ObjectMapper mapper = new ObjectMapper();
    for (SampleRoutes.Route r : routes.all()) {
      try {
        mapper.readTree(SampleTimes.fill(r.template(), clock.instant()));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "sample for " + r.method() + " " + r.path() + " is not JSON: " + e.getMessage(), e);
      }
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port: " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(THREADS, new DaemonThreads("offline-upstream"));
    OfflineUpstream upstream = new OfflineUpstream(server, executor, routes, coinglassKey, clock);
    server.createContext("/", upstream::handle);
    server.setExecutor(executor);
    server.start();
    return upstream;
  }

  /** {@code http://127.0.0.1:PORT}, the base URL of every upstream. */
  public URI baseUrl() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  /**
   * {@code config} with every upstream base URL, the Telegram one included, pointing here and the
   * sample CoinGlass key configured: nothing left that points anywhere else.
   */
  public CommonConfig configFor(CommonConfig config) {
    URI base = baseUrl();
    return new CommonConfig(
        base,
        Optional.of(coinglassKey),
        base,
        base,
        base,
        base,
        base,
        config.dataDir(),
        config.databaseUrl(),
        config.logLevel(),
        config.logFormat());
  }

  /** Stops listening, closes open connections and ends the threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      SampleRequest request = SampleRequest.read(exchange, mapper);
      Optional<String> upstream = routes.upstreamOf(request.path());
      if (upstream.filter(COINGLASS::equals).isPresent()) {
        if (!hasKey(exchange)) {
          send(exchange, 401, "{\"code\":\"401\",\"msg\":\"Invalid or missing API key\"}");
          return;
        }
        int limit = SAMPLE_PLAN.requestsPerMinute();
        exchange.getResponseHeaders().set("API-KEY-MAX-LIMIT", Integer.toString(limit));
        exchange.getResponseHeaders().set("API-KEY-USE-LIMIT", Integer.toString(countCall()));
      }
      Optional<SampleRoutes.Route> route =
          routes.find(request.method(), request.path(), request.params());
      if (route.isEmpty()) {
        log.debug("no sample data for {}", request);
        send(exchange, 404, "{\"code\":\"404\",\"msg\":\"no sample data for this request\"}");
        return;
      }
      send(exchange, 200, SampleTimes.fill(route.get().template(), clock.instant()));
    } finally {
      exchange.close();
    }
  }

  private boolean hasKey(HttpExchange exchange) {
    String given = exchange.getRequestHeaders().getFirst("CG-API-KEY");
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8),
            coinglassKey.reveal().getBytes(StandardCharsets.UTF_8));
  }

  /** CoinGlass calls counted in the current minute, as CoinGlass reports them. */
  private synchronized int countCall() {
    long now = clock.millis() / 60_000;
    if (now != minute) {
      minute = now;
      callsThisMinute = 0;
    }
    return ++callsThisMinute;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
