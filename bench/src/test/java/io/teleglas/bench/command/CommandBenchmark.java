package io.teleglas.bench.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.bench.command.CommandTelegram.Sent;
import io.teleglas.core.testing.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * End-to-end benchmark of {@code /raw} in the real {@code command-bot.jar} (docs/performance.md,
 * "Command bot"). The bot runs as operators run it, with {@code -Xmx64m -XX:+UseSerialGC}, against
 * a fake Telegram ({@link CommandTelegram}: {@link LeanCommandTelegram} unless {@code
 * BENCH_TELEGRAM=wiremock}) and {@link SampleUpstream}, which answers every CoinGlass and exchange
 * request after {@value #UPSTREAM_DELAY_MS} ms.
 *
 * <p>Latency of a command is the fake Telegram's arrival time of the reply's {@code sendMessage}
 * minus the time the harness queued the update, just before the bot's held {@code getUpdates} is
 * answered with it, both by {@link System#nanoTime()}: it includes the long poll's delivery, the
 * bot's work, every upstream call and the send. Scenarios, each on one bot process:
 *
 * <ol>
 *   <li><b>uncached</b>: rounds of {@code /raw BTC}, {@code ETH}, {@code SOL}, one at a time, each
 *       from a new user; rounds start after {@link #CACHE_LIFETIME} of quiet, longer than the
 *       longest lifetime of any answer {@code /raw} uses (30 s), so the first coin of a round finds
 *       nothing cached and the next ones only the lists that cover every coin (funding, RSI, price
 *       change). Upstream requests per command are counted from the fake's journal.
 *   <li><b>cached</b>: right after each uncached reply, the same coin from another user, then
 *       {@value #CACHED_REPEATS} more times (each from a new user, one after another), which shows
 *       how much of the first cached reply's time is code the JIT has not compiled yet.
 *   <li><b>100 concurrent users</b>: 100 users send {@code /raw} at once, a third each for BTC, ETH
 *       and SOL, after a quiet {@link #CACHE_LIFETIME} (nothing cached), then again at once as soon
 *       as all have their answer (cached); several rounds. Every user is its own private chat.
 * </ol>
 *
 * Every reply is checked for the coin's header and for figures it calls unavailable; a reply that
 * never comes within {@link #REPLY_TIMEOUT} is counted as unanswered, never as a latency. Usage:
 * {@code CommandBenchmark path/to/command-bot.jar output-dir}; the system property {@code
 * bench.botJvmOptions} adds JVM options to the bot's (e.g. a JFR recording).
 */
public final class CommandBenchmark {
  static final long UPSTREAM_DELAY_MS = 100;
  private static final String TOKEN = "12345678:bench-command-token-0123456789abcdef";
  private static final String COINGLASS_KEY = "bench-coinglass-key-0123456789";

  /** The budget the fake CoinGlass announces: Professional, 1 200 requests a minute. */
  private static final int COINGLASS_LIMIT_PER_MINUTE = 1200;

  private static final List<String> COINS = List.of("BTC", "ETH", "SOL");
  private static final Duration CACHE_LIFETIME = Duration.ofSeconds(31);
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
  private static final int UNCACHED_ROUNDS = 4;

  /** {@code BENCH_ONLY=floors}: only the warm-up and the floors, a minute instead of five. */
  private static final boolean FLOORS_ONLY =
      System.getenv().getOrDefault("BENCH_ONLY", "").equals("floors");

  /** Further cached {@code /raw} of the same coin after the first, one after another. */
  private static final int CACHED_REPEATS = 4;

  private static final int USERS = 100;
  private static final int CONCURRENT_ROUNDS = 3;
  private static final List<String> JVM_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC");

  private final CommandTelegram telegram;
  private final SampleUpstream upstream;
  private final int metricsPort;
  private final List<String> samples = new ArrayList<>();
  private final List<String> requests = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Per scenario of single commands: update queued → poll answer written; → the bot's next poll; →
   * the reply's arrival (lean fake only).
   */
  private final Map<String, Latencies[]> breakdown = new LinkedHashMap<>();

  private String rawReplyText = "";
  private long nextUser = 1_000;
  private int unanswered;
  private int withMissingFigures;
  private long replies;

  private CommandBenchmark(CommandTelegram telegram, SampleUpstream upstream, int metricsPort) {
    this.telegram = telegram;
    this.metricsPort = metricsPort;
    this.upstream = upstream;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: CommandBenchmark COMMAND_BOT_JAR OUTPUT_DIR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    try (CommandTelegram telegram = CommandTelegram.start(TOKEN);
        SampleUpstream upstream =
            SampleUpstream.start(
                jar, Duration.ofMillis(UPSTREAM_DELAY_MS), COINGLASS_LIMIT_PER_MINUTE)) {
      new CommandBenchmark(telegram, upstream, FreePort.loopback()).run(jar, out);
    }
  }

  private void run(Path jar, Path out) throws Exception {
    Path botDir = Files.createDirectories(out.resolve("bot"));
    Process bot = startBot(jar, botDir, metricsPort);
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("fake Telegram", CommandTelegram.describe());
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (telegram.getUpdatesCount() == 0) {
        if (!bot.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the bot did not start polling; stderr: " + Files.readString(botDir.resolve("err")));
        }
        Thread.sleep(20);
      }
      System.out.println("bot polling; warming up (first /raw of each coin, not counted)");
      Latencies warmUp = new Latencies();
      for (String coin : COINS) {
        warmUp.add(single(coin, "warm-up").millis());
      }
      rows.put("first /raw after start (cold JVM, not a target)", warmUp.summary());

      Latencies help = new Latencies();
      Latencies helpBot = new Latencies();
      for (int i = 0; i < 12; i++) {
        Sample s = single("help", "floor: /help");
        help.add(s.millis());
        helpBot.add(s.botMillis());
      }
      rows.put("floor: /help (no upstream; poll, route, send)", help.summary());
      rows.put("floor: /help, bot's own time", helpBot.summary());
      Latencies helpUnscraped = new Latencies();
      for (int i = 0; i < 12; i++) {
        Thread.sleep(50); // let the previous reply's answer be read before the next command
        helpUnscraped.add(
            single("/help", "/raw", "floor: /help, no scrape", "help", false).millis());
      }
      rows.put("floor: /help, 50 ms apart, no /metrics scrape around it", helpUnscraped.summary());
      rows.put("floor: 100 users /help at once", concurrentHelp().summary());
      rows.put(
          "floor: fake Telegram alone, one /raw reply's sendMessage at a time",
          fakeTelegramOneAtATime(24).summary());
      rows.put(
          "floor: fake Telegram alone, 100 sendMessage at once",
          fakeTelegramAlone(USERS, 1).summary());

      if (FLOORS_ONLY) {
        rows.put("scenarios", "floors only (BENCH_ONLY=floors)");
      } else {
        rawScenarios(rows, bot);
      }
      breakdown.forEach(
          (kind, parts) ->
              rows.put(
                  "where a single command's time goes (" + kind + ")",
                  "queued → poll answered "
                      + parts[0].summary()
                      + "; → bot's next poll "
                      + parts[1].summary()
                      + "; → reply arrives "
                      + parts[2].summary()));
    } finally {
      bot.destroy();
      if (!bot.waitFor(10, TimeUnit.SECONDS)) {
        bot.destroyForcibly();
      }
    }
    StringBuilder table = new StringBuilder("| figure | measured |\n|---|---|\n");
    rows.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    System.out.println();
    System.out.print(table);
    Files.writeString(out.resolve("summary.txt"), table.toString());
    Files.write(out.resolve("samples.csv"), samples);
    Files.write(out.resolve("requests.txt"), requests);
  }

  /**
   * The uncached, cached and 100-user scenarios of {@code /raw}; their rows go into {@code rows}.
   */
  private void rawScenarios(Map<String, String> rows, Process bot) throws InterruptedException {
    Latencies uncached = new Latencies();
    Latencies uncachedFirst = new Latencies();
    Latencies cached = new Latencies();
    Latencies uncachedBot = new Latencies();
    Latencies cachedBot = new Latencies();
    Latencies again = new Latencies();
    Latencies againBot = new Latencies();
    List<String> cachedBotInOrder = new ArrayList<>();
    List<Long> opened = new ArrayList<>();
    Map<String, List<Integer>> callsPerRaw = new TreeMap<>();
    for (int round = 0; round < UNCACHED_ROUNDS; round++) {
      quiet();
      for (int i = 0; i < COINS.size(); i++) {
        String coin = COINS.get(i);
        Sample s = single(coin, i == 0 ? "uncached, nothing cached" : "uncached, lists cached");
        uncached.add(s.millis());
        uncachedBot.add(s.botMillis());
        opened.add(s.newConnections());
        if (i == 0) {
          uncachedFirst.add(s.millis());
        }
        callsPerRaw
            .computeIfAbsent(
                i == 0 ? "nothing cached" : "all-coin lists cached", k -> new ArrayList<>())
            .add(s.upstreamCalls());
        Sample c = single(coin, "cached");
        cached.add(c.millis());
        cachedBot.add(c.botMillis());
        cachedBotInOrder.add(String.format(Locale.ROOT, "%.1f", c.botMillis()));
        for (int r = 0; r < CACHED_REPEATS; r++) {
          Sample a = single(coin, "cached again");
          again.add(a.millis());
          againBot.add(a.botMillis());
        }
      }
    }
    rows.put("/raw uncached, all samples", uncached.summary());
    rows.put("/raw uncached, first coin of a round (nothing cached)", uncachedFirst.summary());
    callsPerRaw.forEach(
        (k, v) ->
            rows.put(
                "upstream calls per uncached /raw (" + k + ")",
                v.stream().map(String::valueOf).collect(Collectors.joining(", "))));
    rows.put(
        "upstream connections opened per uncached /raw",
        opened.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    rows.put("/raw uncached, bot's own time", uncachedBot.summary());
    rows.put("/raw cached (same coin again at once)", cached.summary());
    rows.put("/raw cached, bot's own time", cachedBot.summary());
    rows.put("/raw cached, bot's own ms in order", String.join(", ", cachedBotInOrder));
    rows.put(
        "/raw cached, the next " + CACHED_REPEATS + " of the same coin, one at a time",
        again.summary());
    rows.put("/raw cached, the next ones, bot's own time", againBot.summary());

    Latencies concurrentCold = new Latencies();
    Latencies concurrentWarm = new Latencies();
    List<Integer> roundCalls = new ArrayList<>();
    BotTimer timer = new BotTimer(metricsPort, "raw");
    long[] users = new long[USERS];
    for (int u = 0; u < USERS; u++) {
      users[u] = 100_000 + u;
    }
    for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
      quiet();
      long from = System.nanoTime();
      concurrentCold.addAll(concurrent(users, 2 * round, "concurrent, uncached"));
      roundCalls.add(upstream.between(from, System.nanoTime()).size());
      concurrentWarm.addAll(concurrent(users, 2 * round + 1, "concurrent, cached"));
    }
    Latencies concurrentAll = new Latencies();
    concurrentAll.addAll(concurrentCold);
    concurrentAll.addAll(concurrentWarm);
    rows.put("100 users at once, round starts uncached", concurrentCold.summary());
    rows.put("100 users at once, cached round", concurrentWarm.summary());
    rows.put("100 users at once, all rounds", concurrentAll.summary());
    rows.put("bot's own /raw time in the 100-user rounds (mean)", timer.meanSince());
    rows.put(
        "upstream calls per uncached 100-user round",
        roundCalls.stream().map(String::valueOf).collect(Collectors.joining(", ")));

    long notFound = upstream.journal().stream().filter(r -> r.status() == 404).count();
    rows.put(
        "upstream requests in total / without a sample (404)",
        upstream.journal().size() + " / " + notFound);
    rows.put(
        "replies / unanswered within " + REPLY_TIMEOUT.toSeconds() + " s",
        replies + " / " + unanswered);
    rows.put("replies naming a figure unavailable", Long.toString(withMissingFigures));
    rows.put(
        "fake Telegram's own time per sendMessage (arrival to answer written)",
        telegram
            .sendServiceNanos()
            .map(
                nanos -> {
                  Latencies l = new Latencies();
                  nanos.forEach(n -> l.add(n / 1e6));
                  return l.summary();
                })
            .orElse("not measured by this fake"));
    Map<String, Integer> rejected = telegram.rejected();
    rows.put(
        "Telegram calls rejected (unknown method, bad HTML, ...)",
        rejected.isEmpty() ? "0" : rejected.toString());
    rows.put("bot: peak RSS (VmHWM)", peakRss(bot));
    rows.put("verdict: uncached p99 ≤ 200 ms", verdict(uncached.percentile(99) <= 200));
    rows.put("verdict: cached p99 ≤ 5 ms", verdict(cached.percentile(99) <= 5));
    rows.put(
        "verdict: 100 users p99 ≤ 500 ms, none unanswered",
        verdict(concurrentAll.percentile(99) <= 500 && unanswered == 0));
  }

  /**
   * One command's figures.
   *
   * @param millis update queued to reply received by the fake Telegram
   * @param botMillis the bot's own time for it ({@code teleglas_command_seconds}: routing to reply
   *     text, upstream waits included, Telegram excluded)
   * @param upstreamCalls requests the fake upstream received meanwhile
   * @param newConnections how many of them came on a newly opened connection
   */
  private record Sample(double millis, double botMillis, int upstreamCalls, long newConnections) {}

  /** One {@code /raw coin} from a new user, alone; its latency and the upstream calls it caused. */
  private Sample single(String coin, String kind) throws InterruptedException {
    return "help".equals(coin)
        ? single("/help", "/raw", kind, coin, true)
        : single("/raw " + coin, "<b>#" + coin + "</b>", kind, coin, true);
  }

  /**
   * One command from a new user, alone. With {@code scrape}, the bot's {@code /metrics} is read
   * just before and after it for the bot's own time; without, that time is NaN.
   */
  private Sample single(String text, String expect, String kind, String label, boolean scrape)
      throws InterruptedException {
    long user = nextUser++;
    BotTimer timer = scrape ? new BotTimer(metricsPort, command(text)) : null;
    long fromNanos = System.nanoTime();
    telegram.sendText(user, text);
    Sent reply = telegram.awaitSent(user, 0, REPLY_TIMEOUT);
    long toNanos = System.nanoTime();
    if (reply == null) {
      unanswered++;
      throw new IllegalStateException("no reply to " + text + " within " + REPLY_TIMEOUT);
    }
    check(reply, expect);
    double ms = (reply.arrivedNanos() - fromNanos) / 1e6;
    telegram
        .delivery(user)
        .ifPresent(
            d -> {
              Latencies[] parts =
                  breakdown.computeIfAbsent(
                      kind,
                      k -> new Latencies[] {new Latencies(), new Latencies(), new Latencies()});
              parts[0].add((d.answeredNanos() - d.queuedNanos()) / 1e6);
              parts[1].add((d.nextPollNanos() - d.answeredNanos()) / 1e6);
              parts[2].add((reply.arrivedNanos() - d.answeredNanos()) / 1e6);
            });
    double botMs = scrape ? timer.meanMillisSince() : Double.NaN;
    List<SampleUpstream.Request> calls = upstream.between(fromNanos, toNanos);
    long opened = calls.stream().filter(SampleUpstream.Request::newConnection).count();
    samples.add(
        String.format(
            Locale.ROOT, "%s,%s,%.2f,%.2f,%d,%d", kind, label, ms, botMs, calls.size(), opened));
    if (!calls.isEmpty()) {
      requests.add(String.format(Locale.ROOT, "%s %s, reply after %.1f ms:", kind, text, ms));
      for (SampleUpstream.Request r : calls) {
        requests.add(
            String.format(
                Locale.ROOT,
                "  +%6.1f ms  %-11s %d %s %s",
                (r.arrivedNanos() - fromNanos) / 1e6,
                r.upstream(),
                r.status(),
                r.newConnection() ? "new" : "   ",
                r.target()));
      }
    }
    return new Sample(ms, botMs, calls.size(), opened);
  }

  /**
   * The fake Telegram's round trip for one send at a time, no bot involved: the harness posts
   * {@code sendMessage} with the text of a real {@code /raw} reply on one kept-alive connection
   * ({@link java.net.HttpURLConnection}, blocking: lighter than {@link HttpClient}'s selector
   * thread), each timed from send to answer read, {@code n} times after 20 unmeasured ones.
   */
  private Latencies fakeTelegramOneAtATime(int n) {
    Latencies l = new Latencies();
    try {
      byte[] body =
          json.writeValueAsBytes(
              Map.of("chat_id", 80_000, "text", rawReplyText, "parse_mode", "HTML"));
      java.net.URL url = URI.create(telegram.baseUrl() + "/bot" + TOKEN + "/sendMessage").toURL();
      for (int i = -20; i < n; i++) {
        long start = System.nanoTime();
        var http = (java.net.HttpURLConnection) url.openConnection(java.net.Proxy.NO_PROXY);
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setRequestProperty("Content-Type", "application/json");
        try (var out = http.getOutputStream()) {
          out.write(body);
        }
        int status = http.getResponseCode();
        try (var in = http.getInputStream()) {
          in.readAllBytes();
        }
        if (status != 200) {
          throw new IllegalStateException("fake Telegram answered " + status);
        }
        if (i >= 0) {
          l.add((System.nanoTime() - start) / 1e6);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("fake Telegram floor failed", e);
    }
    return l;
  }

  /**
   * What the fake Telegram itself takes, no bot involved: the harness posts {@code sendMessage}
   * with the text of a real {@code /raw} reply (the fake checks its HTML as Telegram would), {@code
   * atOnce} at a time, each timed from send to answer, for {@code batches} batches after one
   * unmeasured batch that warms the client and the fake.
   */
  private Latencies fakeTelegramAlone(int atOnce, int batches) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create(telegram.baseUrl() + "/bot" + TOKEN + "/sendMessage");
    Latencies l = new Latencies();
    for (int batch = 0; batch <= batches; batch++) {
      List<CompletableFuture<Double>> answers = new ArrayList<>();
      for (int u = 0; u < atOnce; u++) {
        String body;
        try {
          body =
              json.writeValueAsString(
                  Map.of("chat_id", 90_000 + u, "text", rawReplyText, "parse_mode", "HTML"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        answers.add(
            http.sendAsync(
                    HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .thenApply(
                    r -> {
                      if (r.statusCode() != 200) {
                        throw new IllegalStateException(
                            "fake Telegram answered " + r.statusCode() + ": " + r.body());
                      }
                      return (System.nanoTime() - start) / 1e6;
                    }));
      }
      for (var a : answers) {
        try {
          double ms = a.get(30, TimeUnit.SECONDS);
          if (batch > 0) {
            l.add(ms);
          }
        } catch (ExecutionException | TimeoutException e) {
          throw new IllegalStateException("fake Telegram floor failed", e);
        }
      }
    }
    return l;
  }

  /** 100 users send {@code /help} at once: the harness's and Telegram side's own floor. */
  private Latencies concurrentHelp() throws InterruptedException {
    long[] users = new long[USERS];
    for (int u = 0; u < USERS; u++) {
      users[u] = 50_000 + u;
    }
    return concurrent(users, 0, "floor: 100 users /help", u -> "/help", u -> "/raw");
  }

  /**
   * Every user sends {@code /raw} at once (user i asks for coin i mod 3); waits for the {@code nth}
   * reply (0-based) in each user's chat.
   */
  private Latencies concurrent(long[] users, int nth, String kind) throws InterruptedException {
    return concurrent(
        users,
        nth,
        kind,
        u -> "/raw " + COINS.get(u % COINS.size()),
        u -> "<b>#" + COINS.get(u % COINS.size()) + "</b>");
  }

  private Latencies concurrent(
      long[] users, int nth, String kind, IntFunction<String> text, IntFunction<String> expect)
      throws InterruptedException {
    long[] sent = new long[users.length];
    for (int u = 0; u < users.length; u++) {
      sent[u] = System.nanoTime();
      telegram.sendText(users[u], text.apply(u));
    }
    Latencies l = new Latencies();
    long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
    for (int u = 0; u < users.length; u++) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      Sent reply = telegram.awaitSent(users[u], nth, left);
      if (reply == null) {
        unanswered++;
        samples.add(kind + "," + text.apply(u) + ",unanswered,");
        continue;
      }
      check(reply, expect.apply(u));
      double ms = (reply.arrivedNanos() - sent[u]) / 1e6;
      l.add(ms);
      samples.add(String.format(Locale.ROOT, "%s,%s,%.2f,", kind, text.apply(u), ms));
    }
    System.out.println(kind + ": " + l.summary() + ", unanswered so far " + unanswered);
    return l;
  }

  /** Counts the reply and whether it names any figure unavailable. */
  private void check(Sent reply, String expect) {
    replies++;
    String text = reply.text();
    if (text == null || !text.contains(expect) || !"html".equalsIgnoreCase(reply.parseMode())) {
      throw new IllegalStateException(
          "a reply without " + expect + " (parse mode " + reply.parseMode() + "): " + text);
    }
    if (expect.startsWith("<b>#")) {
      rawReplyText = text;
    }
    if (text.contains("unavailable")) {
      withMissingFigures++;
      System.out.println("reply with a missing figure: " + text);
    }
  }

  /** Waits until no cached answer {@code /raw} uses can still be alive. */
  private static void quiet() throws InterruptedException {
    System.out.println("waiting " + CACHE_LIFETIME.toSeconds() + " s for every cache to expire");
    Thread.sleep(CACHE_LIFETIME.toMillis());
  }

  private Process startBot(Path jar, Path dir, int metricsPort) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(JVM_OPTIONS);
    String extra = System.getProperty("bench.botJvmOptions", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", telegram.baseUrl());
    env.put("COMMAND_HTTP_ADDR", "127.0.0.1:" + metricsPort);
    env.put("COINGLASS_API_KEY", COINGLASS_KEY);
    for (String v :
        List.of(
            "COINGLASS_API_URL",
            "BINANCE_FAPI_URL",
            "BYBIT_API_URL",
            "OKX_API_URL",
            "HYPERLIQUID_API_URL")) {
      env.put(v, upstream.baseUrl());
    }
    return builder.start();
  }

  /**
   * The bot's own {@code teleglas_command_seconds{command="raw"}} (routing to reply text, without
   * Telegram) from its {@code /metrics}, read at construction so {@link #meanSince} covers what
   * came after.
   */
  private static final class BotTimer {
    private final URI metrics;
    private final String label;
    private final double count;
    private final double sum;

    BotTimer(int port, String command) {
      this.metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
      this.label = "command=\"" + command + "\"";
      String text = scrape(metrics);
      this.count = sample(text, "teleglas_command_seconds_count");
      this.sum = sample(text, "teleglas_command_seconds_sum");
    }

    double meanMillisSince() {
      String text = scrape(metrics);
      double n = sample(text, "teleglas_command_seconds_count") - count;
      double s = sample(text, "teleglas_command_seconds_sum") - sum;
      return n == 0 ? Double.NaN : 1000 * s / n;
    }

    String meanSince() {
      String text = scrape(metrics);
      double n = sample(text, "teleglas_command_seconds_count") - count;
      return String.format(Locale.ROOT, "mean %.1f ms over %d /raw", meanMillisSince(), (long) n);
    }

    private static String scrape(URI uri) {
      try {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
            .body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    private double sample(String metrics, String name) {
      for (String line : metrics.split("\n")) {
        if (line.startsWith(name + "{") && line.contains(label)) {
          return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return 0;
    }
  }

  private static String peakRss(Process bot) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(bot.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 + " MB";
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "unknown";
  }

  private static String command(String text) {
    return text.substring(1).split(" ", 2)[0];
  }

  private static String verdict(boolean pass) {
    return pass ? "PASS" : "MISS";
  }
}
