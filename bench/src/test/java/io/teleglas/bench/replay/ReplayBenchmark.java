package io.teleglas.bench.replay;

import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.RecordedCall;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end replay benchmark (docs/performance.md): the real alert-bot.jar between a local
 * Binance-shaped WebSocket feed and the fake Telegram Bot API, compared with a floor client, with a
 * summary table on stdout. Usage: {@code ReplayBenchmark <alert-bot.jar> <work dir>}.
 */
public final class ReplayBenchmark {
  private static final String TOKEN = "7000000001:bench-token-0123456789abcdefghijklmnop";
  private static final String CHANNEL = "-1001234567890";
  private static final List<String> JVM = List.of("-Xmx64m", "-XX:+UseSerialGC");
  private static final Pattern COIN = Pattern.compile("#([A-Z0-9]+)");
  private static final Duration WAIT = Duration.ofSeconds(120);

  private final Path jar;
  private final Path work;
  private final Table table = new Table();

  private ReplayBenchmark(Path jar, Path work) {
    this.jar = jar;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ReplayBenchmark <alert-bot.jar> <work dir>");
      System.exit(2);
    }
    ReplayBenchmark bench = new ReplayBenchmark(Path.of(args[0]), Path.of(args[1]));
    Files.createDirectories(bench.work);
    bench.run();
  }

  private void run() throws Exception {
    double[] floor = floor();
    baseline(floor);
    cascadeOnly("150 ms Telegram", t -> t.sendLatency(Duration.ofMillis(150)));
    cascadeOnly("429 on the first 3 sends", t -> t.rateLimitNext(FakeTelegramApi.ANY_SEND, 3, 1));
    System.out.println();
    System.out.println(table.render());
    Files.writeString(work.resolve("summary.txt"), table.render());
  }

  /** Frames/s of the floor client: 300k cold, then 2M warm. */
  private double[] floor() throws Exception {
    try (FeedServer server = new FeedServer();
        FloorClient client = new FloorClient(server.url("/market/stream?streams=floor"))) {
      FeedServer.Feed feed = server.awaitFeed(Duration.ofSeconds(10));
      Plans plans = new Plans();
      double cold =
          floodRate(feed, plans.flood(300_000, System.currentTimeMillis()), client::frames);
      double warm =
          floodRate(feed, plans.flood(2_000_000, System.currentTimeMillis()), client::frames);
      if (client.unreadable() > 0) {
        throw new IllegalStateException(
            "floor client failed on " + client.unreadable() + " frames");
      }
      feed.close();
      return new double[] {cold, warm};
    }
  }

  private static double floodRate(
      FeedServer.Feed feed, List<Planned> frames, java.util.function.LongSupplier received)
      throws InterruptedException {
    long before = received.getAsLong();
    long start = System.nanoTime();
    for (Planned p : frames) {
      feed.send(p.frame());
    }
    long deadline = start + WAIT.toNanos();
    while (received.getAsLong() < before + frames.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + (received.getAsLong() - before) + " frames arrived");
      }
      Thread.sleep(1);
    }
    return frames.size() / ((System.nanoTime() - start) / 1e9);
  }

  private void baseline(double[] floor) throws Exception {
    try (FakeTelegramApi telegram = FakeTelegramApi.start();
        FeedServer feeds = new FeedServer()) {
      telegram.bot(TOKEN);
      Path dir = Files.createTempDirectory(work, "baseline");
      int port = freePort();
      try (BotProcess bot =
          BotProcess.start(jar, dir, env(telegram, feeds, dir, port), port, JVM)) {
        FeedServer.Feed feed = feeds.awaitFeed(Duration.ofSeconds(30));
        double subscribedMs = (feed.openedAtNanos() - bot.startedAtNanos()) / 1e6;
        table.add(
            "start → subscribed",
            "%.0f ms".formatted(subscribedMs),
            "≤ 1500 ms",
            subscribedMs <= 1500);
        awaitMetrics(bot);
        Plans plans = new Plans();
        double cold = botFlood(bot, feed, plans.flood(300_000, System.currentTimeMillis()), null);
        double[] cpu = new double[1];
        double warm = botFlood(bot, feed, plans.flood(2_000_000, System.currentTimeMillis()), cpu);
        table.add("floor, 300k cold", "%,.0f frames/s".formatted(floor[0]), "", null);
        table.add("floor, 2M warm", "%,.0f frames/s".formatted(floor[1]), "", null);
        table.add(
            "ingest, 300k cold",
            "%,.0f frames/s (%.2f × floor)".formatted(cold, cold / floor[0]),
            "≥ 0.8 × floor",
            cold >= 0.8 * floor[0]);
        table.add(
            "ingest, 2M warm",
            "%,.0f frames/s (%.2f × floor)".formatted(warm, warm / floor[1]),
            "≥ 300k/s and ≥ 0.8 × floor",
            warm >= 300_000 && warm >= 0.8 * floor[1]);
        table.add("CPU per frame (2M warm)", "%.2f µs".formatted(cpu[0]), "≤ 4 µs", cpu[0] <= 4);

        List<String> coins = Plans.markerCoins();
        List<String> markers = new ArrayList<>();
        for (int i = 0; markers.size() < 20; i++) {
          markers.add(coins.get(i % 10) + ":" + (i < 10 ? "SELL" : "BUY"));
        }
        long base = System.currentTimeMillis() + 200;
        List<Planned> steady = plans.steady(5_000, 10, markers, base);
        Pacer.Sent sent = send(feed, steady, base);
        List<Double> latencies = markerLatencies(telegram, steady, sent, 20);
        Stats s = Stats.of(latencies);
        table.add(
            "frame → Telegram at 5k/s (20 markers)",
            s.toString(),
            "p99 ≤ 1 ms (frame → decision)",
            s.p99() <= 1);

        cascade("cascade, 0 ms Telegram", bot, feed, telegram, plans, coins.subList(10, 18));
        long rssKib = bot.peakRssKib();
        table.add(
            "peak RSS (VmHWM)",
            "%.0f MB".formatted(rssKib / 1024.0),
            "≤ 110 MB",
            rssKib / 1024.0 <= 110);
        dropped(bot, "baseline");
      }
    }
  }

  private void cascadeOnly(String label, java.util.function.Consumer<FakeTelegramApi> fault)
      throws Exception {
    try (FakeTelegramApi telegram = FakeTelegramApi.start();
        FeedServer feeds = new FeedServer()) {
      telegram.bot(TOKEN);
      fault.accept(telegram);
      Path dir = Files.createTempDirectory(work, "cascade");
      int port = freePort();
      try (BotProcess bot =
          BotProcess.start(jar, dir, env(telegram, feeds, dir, port), port, JVM)) {
        FeedServer.Feed feed = feeds.awaitFeed(Duration.ofSeconds(30));
        awaitMetrics(bot);
        cascade(
            "cascade, " + label,
            bot,
            feed,
            telegram,
            new Plans(),
            Plans.markerCoins().subList(10, 18));
        dropped(bot, label);
      }
    }
  }

  private void cascade(
      String label,
      BotProcess bot,
      FeedServer.Feed feed,
      FakeTelegramApi telegram,
      Plans plans,
      List<String> coins)
      throws Exception {
    int before = channelSends(telegram).size();
    long base = System.currentTimeMillis() + 200;
    List<Planned> replay = plans.cascade(coins, 8, base);
    Files.writeString(
        work.resolve("cascade-replay.jsonl"),
        String.join("\n", replay.stream().map(Planned::frame).toList()) + "\n");
    ExpectedAlerts expected = ExpectedAlerts.of(replay);
    Pacer.Sent sent = send(feed, replay, base);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (channelSends(telegram).size() - before < expected.total()
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(3_000); // a duplicate would come within the delivery loop's next rounds
    List<RecordedCall> got = channelSends(telegram).subList(before, channelSends(telegram).size());
    Map<String, Integer> seen = new TreeMap<>();
    Map<String, Instant> firstAt = new HashMap<>();
    for (RecordedCall c : got) {
      String text = c.param("text");
      Matcher m = COIN.matcher(text == null ? "" : text);
      String key =
          (text != null && text.contains("storm") ? "storm:" : "single:")
              + (m.find() ? m.group(1) : "?");
      seen.merge(key, 1, Integer::sum);
      firstAt.putIfAbsent(key, c.receivedAt());
    }
    int missed = 0;
    int duplicated = 0;
    for (var e : expected.byKey().entrySet()) {
      missed += Math.max(0, e.getValue() - seen.getOrDefault(e.getKey(), 0));
    }
    for (var e : seen.entrySet()) {
      duplicated += Math.max(0, e.getValue() - expected.byKey().getOrDefault(e.getKey(), 0));
    }
    List<Double> singles = new ArrayList<>();
    Double storm = null;
    for (var e : expected.decisiveMillis().entrySet()) {
      Instant at = firstAt.get(e.getKey());
      if (at == null) {
        continue;
      }
      Instant decided = decisionFrameSent(replay, sent, base, e.getValue());
      double ms = Duration.between(decided, at).toNanos() / 1e6;
      if (e.getKey().startsWith("storm:")) {
        storm = ms;
      } else {
        singles.add(ms);
      }
    }
    table.add(
        label + ": alerts",
        "expected %d, missed %d, duplicated %d".formatted(expected.total(), missed, duplicated),
        "0 missed, 0 duplicated",
        missed == 0 && duplicated == 0);
    Stats s = Stats.of(singles);
    table.add(label + ": single detect → send", s.toString(), "p99 ≤ 5 ms", s.p99() <= 5);
    table.add(
        label + ": storm detect → send",
        storm == null ? "not sent" : "%.1f ms".formatted(storm),
        "≤ 20 ms",
        storm != null && storm <= 20);
    table.add(
        label + ": sender lag",
        "%.1f ms max behind schedule".formatted(sent.maxLagNanos() / 1e6),
        "",
        null);
  }

  /**
   * When the engine could decide: the wall-clock send time of the first frame whose event time
   * reaches {@code dueMillis} (event time advances only with frames).
   */
  private static Instant decisionFrameSent(
      List<Planned> replay, Pacer.Sent sent, long base, long dueMillis) {
    for (int i = 0; i < replay.size(); i++) {
      if (base + replay.get(i).offsetNanos() / 1_000_000 >= dueMillis) {
        return sent.at()[i];
      }
    }
    throw new IllegalStateException("the replay ends before " + dueMillis);
  }

  private List<Double> markerLatencies(
      FakeTelegramApi telegram, List<Planned> plan, Pacer.Sent sent, int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (channelSends(telegram).size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Map<String, Instant> sentAt = new HashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      if (plan.get(i).marker()) {
        Matcher m =
            Pattern.compile("\"s\":\"([A-Z0-9]+)USDT\",\"S\":\"(SELL|BUY)\"")
                .matcher(plan.get(i).frame());
        if (m.find()) {
          sentAt.put(m.group(1) + (m.group(2).equals("SELL") ? " LONG" : " SHORT"), sent.at()[i]);
        }
      }
    }
    List<Double> out = new ArrayList<>();
    for (RecordedCall c : channelSends(telegram)) {
      String text = c.param("text");
      Matcher m = Pattern.compile("#([A-Z0-9]+) (LONG|SHORT)").matcher(text == null ? "" : text);
      if (m.find() && sentAt.containsKey(m.group(1) + " " + m.group(2))) {
        out.add(
            Duration.between(sentAt.remove(m.group(1) + " " + m.group(2)), c.receivedAt()).toNanos()
                / 1e6);
      }
    }
    if (out.size() != expected) {
      table.add("5k/s markers delivered", out.size() + " of " + expected, "all", false);
    }
    return out;
  }

  private static Pacer.Sent send(FeedServer.Feed feed, List<Planned> plan, long baseMillis) {
    long waitMs = baseMillis - System.currentTimeMillis();
    long start = System.nanoTime() + Math.max(0, waitMs) * 1_000_000L;
    return Pacer.send(feed, plan, start);
  }

  private static double botFlood(
      BotProcess bot, FeedServer.Feed feed, List<Planned> frames, double[] cpuPerFrame)
      throws InterruptedException {
    double accepted0 = bot.metric("teleglas_ingest_accepted_events_total", "");
    Duration cpu0 = bot.cpuTime();
    long start = System.nanoTime();
    for (Planned p : frames) {
      feed.send(p.frame());
    }
    long deadline = start + WAIT.toNanos();
    while (!(bot.metric("teleglas_ingest_accepted_events_total", "") >= accepted0 + frames.size()
        && bot.metric("teleglas_ingest_queue_depth", "") == 0)) {
      if (System.nanoTime() > deadline || !bot.isAlive()) {
        throw new IllegalStateException(
            "the bot did not take " + frames.size() + " frames; stderr:\n" + bot.stderr());
      }
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (cpuPerFrame != null) {
      cpuPerFrame[0] = bot.cpuTime().minus(cpu0).toNanos() / 1e3 / frames.size();
    }
    return frames.size() / seconds;
  }

  private void dropped(BotProcess bot, String label) {
    double dropped = bot.metric("teleglas_ingest_dropped_events_total", "");
    double errors = bot.metric("teleglas_source_errors_total", "");
    String value =
        "%.0f dropped, %.0f source errors".formatted(Double.isNaN(dropped) ? 0 : dropped, errors);
    table.add(
        label + ": frames dropped",
        value,
        "0",
        (Double.isNaN(dropped) || dropped == 0) && errors == 0);
  }

  private static void awaitMetrics(BotProcess bot) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Double.isNaN(bot.metric("teleglas_ingest_accepted_events_total", ""))) {
      if (System.nanoTime() > deadline || !bot.isAlive()) {
        throw new IllegalStateException("no /metrics; stderr:\n" + bot.stderr());
      }
      Thread.sleep(50);
    }
  }

  private static List<RecordedCall> channelSends(FakeTelegramApi telegram) {
    return telegram.calls("sendMessage").stream()
        .filter(c -> c.httpStatus() == 200 && CHANNEL.equals(c.param("chat_id")))
        .toList();
  }

  private static Map<String, String> env(
      FakeTelegramApi telegram, FeedServer feeds, Path dir, int port) {
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_ALERT_TOKEN", TOKEN);
    env.put("TELEGRAM_ALERT_CHANNEL_ID", CHANNEL);
    env.put("TELEGRAM_API_URL", telegram.baseUrl());
    env.put("ALERT_SOURCES", "binance");
    env.put("ALERT_SYMBOLS", "BTC,ETH");
    env.put("BINANCE_WS_URL", feeds.url("/market"));
    env.put("BINANCE_FAPI_URL", "http://127.0.0.1:9");
    env.put("OKX_API_URL", "http://127.0.0.1:9");
    env.put("BYBIT_API_URL", "http://127.0.0.1:9");
    env.put("HYPERLIQUID_API_URL", "http://127.0.0.1:9");
    env.put("COINGLASS_API_URL", "http://127.0.0.1:9");
    env.put("DATA_DIR", dir.resolve("data").toString());
    env.put("ALERT_HTTP_ADDR", "127.0.0.1:" + port);
    env.put("LOG_LEVEL", "WARN");
    return env;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** p50, p99 and max of a sample, in ms. */
  record Stats(int n, double p50, double p99, double max) {
    static Stats of(List<Double> values) {
      if (values.isEmpty()) {
        return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
      }
      double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Stats(v.length, at(v, 0.50), at(v, 0.99), v[v.length - 1]);
    }

    private static double at(double[] sorted, double q) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms", n, p50, p99, max);
    }
  }

  /** The summary: one row per figure with its target and PASS/MISS. */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    void add(String what, String measured, String target, Boolean pass) {
      rows.add(new String[] {what, measured, target, pass == null ? "" : pass ? "PASS" : "MISS"});
      System.out.printf("%-55s %s%n", what, measured);
    }

    String render() {
      StringBuilder out =
          new StringBuilder("| figure | measured | target | |\n|---|---|---|---|\n");
      for (String[] r : rows) {
        out.append("| ").append(String.join(" | ", r)).append(" |\n");
      }
      return out.toString();
    }
  }
}
