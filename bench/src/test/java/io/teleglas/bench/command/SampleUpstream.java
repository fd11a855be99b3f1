package io.teleglas.bench.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * CoinGlass, Binance, Bybit, OKX and Hyperliquid REST on one MockWebServer (their paths do not
 * overlap), answering every request after a fixed delay with the documented-shape sample files that
 * {@code command-bot.jar} bundles for its offline console ({@code routes.txt} says which file
 * answers which request; BTC, ETH and SOL). The samples are read from the jar under test, so the
 * bench and the bot's own offline data never drift apart. Time placeholders ({@code ${now}}, {@code
 * ${floor5m}}, {@code ${next8h}}, with offsets) are filled at each request as the offline server
 * fills them, so long/short buckets are fresh and settlements are in the future.
 *
 * <p>CoinGlass answers carry {@code API-KEY-MAX-LIMIT} (the budget the bot adopts) so the bench is
 * not throttled by the Hobbyist default; requests without a sample get 404 after the same delay and
 * are counted. Every request is journaled with its arrival time. Thread-safe: MockWebServer serves
 * each connection on its own thread; the harness reads the journal.
 */
final class SampleUpstream implements AutoCloseable {
  private static final String FOLDER = "io/teleglas/commandbot/offline/";
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\$\\{(now|floor(\\d+)([smhd])|next(\\d+)([smhd]))(?:([+-])(\\d+)([smhd]))?}");

  /**
   * One request the fake received.
   *
   * @param upstream which API it belongs to ({@code coinglass}, {@code binance}, ...), or {@code
   *     unknown}
   * @param target method, path and query as sent
   * @param arrivedNanos {@link System#nanoTime()} when the request line was read
   * @param status what was answered: 200 for a sample, 404 for none
   * @param newConnection whether it was the first request on its connection, i.e. the client opened
   *     a connection for it
   */
  record Request(
      String upstream, String target, long arrivedNanos, int status, boolean newConnection) {}

  private record Route(
      String upstream, String method, String path, Map<String, String> params, String template) {
    boolean matches(String method, String path, Map<String, String> given) {
      if (!this.method.equals(method) || !this.path.equals(path)) {
        return false;
      }
      return params.entrySet().stream().allMatch(e -> e.getValue().equals(given.get(e.getKey())));
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Route> routes;
  private final Duration delay;
  private final int coinglassLimitPerMinute;
  private final ObjectMapper mapper = new ObjectMapper();
  private final ConcurrentLinkedQueue<Request> journal = new ConcurrentLinkedQueue<>();

  private SampleUpstream(List<Route> routes, Duration delay, int coinglassLimitPerMinute) {
    this.routes = routes;
    this.delay = delay;
    this.coinglassLimitPerMinute = coinglassLimitPerMinute;
  }

  /**
   * Reads the samples out of {@code botJar} and starts serving them on 127.0.0.1.
   *
   * @param delay how long every answer waits before its headers are sent
   * @param coinglassLimitPerMinute the {@code API-KEY-MAX-LIMIT} CoinGlass answers announce
   */
  static SampleUpstream start(Path botJar, Duration delay, int coinglassLimitPerMinute)
      throws IOException {
    SampleUpstream upstream =
        new SampleUpstream(readRoutes(botJar), delay, coinglassLimitPerMinute);
    upstream.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return upstream.answer(request);
          }
        });
    upstream.server.start(InetAddress.getByName("127.0.0.1"), 0);
    return upstream;
  }

  /** {@code http://127.0.0.1:PORT}, the base URL of every upstream. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Every request so far, in arrival order. */
  List<Request> journal() {
    List<Request> all = new ArrayList<>(journal);
    all.sort(java.util.Comparator.comparingLong(Request::arrivedNanos));
    return all;
  }

  /** The requests that arrived in [{@code fromNanos}, {@code toNanos}]. */
  List<Request> between(long fromNanos, long toNanos) {
    return journal().stream()
        .filter(r -> r.arrivedNanos() >= fromNanos && r.arrivedNanos() <= toNanos)
        .toList();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  private MockResponse answer(RecordedRequest request) {
    long arrived = System.nanoTime();
    String method = request.getMethod();
    String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
    Map<String, String> params =
        "POST".equals(method)
            ? bodyFields(request.getBody().readUtf8())
            : query(request.getRequestUrl() == null ? null : request.getRequestUrl().query());
    Route route =
        routes.stream().filter(r -> r.matches(method, path, params)).findFirst().orElse(null);
    String upstream =
        route != null
            ? route.upstream()
            : routes.stream()
                .filter(r -> r.path().equals(path))
                .map(Route::upstream)
                .findFirst()
                .orElse("unknown");
    MockResponse response =
        new MockResponse()
            .setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
            .setHeader("Content-Type", "application/json; charset=utf-8");
    if ("coinglass".equals(upstream)) {
      response.setHeader("API-KEY-MAX-LIMIT", Integer.toString(coinglassLimitPerMinute));
    }
    int status = route == null ? 404 : 200;
    journal.add(
        new Request(
            upstream,
            method + " " + request.getPath(),
            arrived,
            status,
            request.getSequenceNumber() == 0));
    if (route == null) {
      return response.setResponseCode(404).setBody("{\"code\":\"404\",\"msg\":\"no sample\"}");
    }
    return response.setResponseCode(200).setBody(fill(route.template(), Instant.now()));
  }

  private Map<String, String> bodyFields(String body) {
    Map<String, String> fields = new HashMap<>();
    try {
      JsonNode json = mapper.readTree(body);
      if (json != null && json.isObject()) {
        json.fields()
            .forEachRemaining(
                f -> {
                  if (f.getValue().isTextual()) {
                    fields.put(f.getKey(), f.getValue().asText());
                  }
                });
      }
    } catch (IOException e) {
      // not JSON: no fields, so no sample matches and the request gets 404
    }
    return fields;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      String[] nameValue = pair.split("=", 2);
      params.putIfAbsent(
          URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
          nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  private static List<Route> readRoutes(Path botJar) throws IOException {
    List<Route> routes = new ArrayList<>();
    try (JarFile jar = new JarFile(botJar.toFile())) {
      for (String line : read(jar, FOLDER + "routes.txt").split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] f = trimmed.split("\\s+");
        if (f.length != 4) {
          throw new IllegalStateException("routes.txt: not UPSTREAM METHOD PATH FILE: " + line);
        }
        String[] pathQuery = f[2].split("\\?", 2);
        Map<String, String> params = pathQuery.length == 2 ? query(pathQuery[1]) : Map.of();
        routes.add(
            new Route(f[0], f[1], pathQuery[0], params, read(jar, FOLDER + f[0] + "/" + f[3])));
      }
    }
    if (routes.isEmpty()) {
      throw new IllegalStateException(botJar + " bundles no sample routes");
    }
    return List.copyOf(routes);
  }

  private static String read(JarFile jar, String name) throws IOException {
    ZipEntry entry = jar.getEntry(name);
    if (entry == null) {
      throw new IllegalStateException(jar.getName() + " has no " + name);
    }
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The offline console's placeholder rule (command-bot's {@code SampleTimes}), restated. */
  static String fill(String template, Instant now) {
    long millis = now.toEpochMilli();
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length());
    while (m.find()) {
      long base;
      if (m.group(2) != null) {
        long step = unit(m.group(2), m.group(3));
        base = Math.floorDiv(millis, step) * step;
      } else if (m.group(4) != null) {
        long step = unit(m.group(4), m.group(5));
        base = (Math.floorDiv(millis, step) + 1) * step;
      } else {
        base = millis;
      }
      long offset = m.group(6) == null ? 0 : unit(m.group(7), m.group(8));
      m.appendReplacement(
          out, Long.toString("-".equals(m.group(6)) ? base - offset : base + offset));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static long unit(String amount, String unit) {
    long n = Long.parseLong(amount);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(n).toMillis();
      case "m" -> Duration.ofMinutes(n).toMillis();
      case "h" -> Duration.ofHours(n).toMillis();
      case "d" -> Duration.ofDays(n).toMillis();
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }
}
