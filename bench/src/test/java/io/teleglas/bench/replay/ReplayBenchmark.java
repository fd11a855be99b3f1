package io.teleglas.bench.replay;

import io.teleglas.core.testing.FreePort;
import io.teleglas.core.testing.RecordedCall;
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
  private static final List<String> JVM = jvmOptions();

  /** Delivery spaces messages to one chat at least this far apart (RateLimits' defaults). */
  private static final Duration CHAT_SPACING = Duration.ofSeconds(1);

  /** The most a channel message can wait for pacing: 20 a minute, one every 3 s on average. */
  private static final Duration PACED_SLOT = Duration.ofSeconds(3);

  /**
   * Posts that run the fake Telegram's request path before a bot starts, so its class loading and
   * JIT are not counted as the bot's detect → send ({@link FakeFloor}).
   */
  private static final int FAKE_WARM_UP = 300;

  /** How often the fake alone is timed during the 5k/s run: between the markers' decisions. */
  private static final Duration FAKE_PROBE_PERIOD = Duration.ofMillis(1500);

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
    // The fakes' client and server pools (MockWebServer, WireMock, OkHttp) may keep non-daemon
    // threads alive after their close; the run is over, so do not wait for them.
    System.exit(0);
  }

  private void run() throws Exception {
    String only = System.getProperty("bench.only", "all");
    table.add("bot JVM options", String.join(" ", JVM), "", null);
    table.add("fake Telegram (BENCH_TELEGRAM)", BenchTelegram.describe(), "", null);
    if (!System.getProperty("bench.botEnv", "").isBlank()) {
      table.add("bot extra environment", System.getProperty("bench.botEnv"), "", null);
    }
    if (only.equals("all") || only.equals("ingest")) {
      ingest(floor());
    }
    if (only.equals("all") || only.equals("latency")) {
      latency();
    }
    if (only.equals("all") || only.equals("cascade")) {
      DecisionHistogram calm = cascadeOnly("0 ms Telegram", t -> {}, null);
      cascadeOnly("150 ms Telegram", t -> t.sendLatency(Duration.ofMillis(150)), calm);
      cascadeOnly("429 on the first 3 sends", t -> t.rateLimitNextSends(3, 1), calm);
    }
    System.out.println();
    System.out.println(table.render());
    Files.writeString(work.resolve("summary.txt"), table.render());
  }

  /**
   * {@code -Xmx64m -XX:+UseSerialGC} as the issue fixes them, plus the space-separated {@code
   * -Dbench.botOptions} (e.g. a JFR recording or NMT) for experiments.
   */
  private static List<String> jvmOptions() {
    List<String> out = new ArrayList<>(List.of("-Xmx64m", "-XX:+UseSerialGC"));
    String extra = System.getProperty("bench.botOptions", "").trim();
    if (!extra.isEmpty()) {
      out.addAll(List.of(extra.split("\\s+")));
    }
    return List.copyOf(out);
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

  /**
   * A fresh bot: start → subscribed, the cold and warm floods against the floor, CPU per frame,
   * frames dropped and peak RSS (the flood is the heap's worst moment).
   */
  private void ingest(double[] floor) throws Exception {
    try (BenchTelegram telegram = BenchTelegram.start(TOKEN);
        FeedServer feeds = new FeedServer()) {
      Path dir = Files.createTempDirectory(work, "ingest");
      int port = FreePort.loopback();
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
        long rssKib = bot.peakRssKib();
        table.add(
            "peak RSS (VmHWM), after 2.3M frames",
            "%.0f MB".formatted(rssKib / 1024.0),
            "≤ 110 MB",
            rssKib / 1024.0 <= 110);
        if (JVM.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking"))) {
          bot.jcmd("VM.native_memory summary", work.resolve("nmt-ingest.txt"));
        }
        dropped(bot, "ingest");
      }
    }
  }

  /**
   * A fresh bot at a steady 5 000 frames/s for 20 s: frame → decision from the engine's own timer,
   * and detect → send of single liquidations spaced past the channel's pacing (so none waits for
   * another) and of one storm.
   */
  /** Seconds of background at 5k/s before the steady run is measured. */
  private static final int STEADY_WARM_UP_SECONDS = 10;

  private void latency() throws Exception {
    try (BenchTelegram telegram = BenchTelegram.start(TOKEN);
        FeedServer feeds = new FeedServer();
        FakeFloor fakeFloor = new FakeFloor(telegram, TOKEN)) {
      fakeFloor.warm(FAKE_WARM_UP);
      Path dir = Files.createTempDirectory(work, "latency");
      int port = FreePort.loopback();
      try (BotProcess bot =
          BotProcess.start(jar, dir, env(telegram, feeds, dir, port), port, JVM)) {
        FeedServer.Feed feed = feeds.awaitFeed(Duration.ofSeconds(30));
        awaitMetrics(bot);
        // Steady state: the measured run starts after this much background at the same rate, and
        // its decisions are counted from a scrape taken after it.
        long warmBase = System.currentTimeMillis() + 200;
        send(feed, new Plans().warmUp(5_000, STEADY_WARM_UP_SECONDS, warmBase), warmBase);
        long base = System.currentTimeMillis() + 200;
        List<Planned> steady = new Plans().steady(5_000, 20, Plans.markerCoins(), base);
        DecisionHistogram before = bot.decisions();
        fakeFloor.probeEvery(FAKE_PROBE_PERIOD, base + FAKE_PROBE_PERIOD.toMillis() / 2);
        Pacer.Sent sent = send(feed, steady, base);
        DecisionHistogram during = bot.decisions().minus(before);
        Deliveries d = deliveries("5k/s", telegram, steady, sent, base);
        fakeFloor.close();
        table.add(
            "5k/s: frame → decision (engine timer, after %d s of warm-up traffic)"
                .formatted(STEADY_WARM_UP_SECONDS),
            during.toString(),
            "p99 ≤ 1 ms",
            during.quantileMillis(0.99) <= 1);
        table.add(
            "5k/s: alerts",
            d.countsText(),
            "0 missed, 0 duplicated",
            d.missed() == 0 && d.duplicated() == 0);
        Stats singles = Stats.of(d.unpacedSingles());
        table.add(
            "5k/s: single detect → send (unpaced)",
            singles.toString(),
            "p99 ≤ 5 ms",
            singles.p99() <= 5);
        table.add(
            "5k/s: storm detect → send",
            d.stormText(),
            "≤ 20 ms",
            d.storm() != null && d.storm() <= 20);
        table.add(
            "5k/s: fake Telegram alone (plain OkHttp POST → recorded)",
            Stats.of(fakeFloor.millis()).toString(),
            "",
            null);
        table.add(
            "5k/s: sender lag",
            "%.1f ms max behind schedule".formatted(sent.maxLagNanos() / 1e6),
            "",
            null);
        dropped(bot, "5k/s");
      }
    }
  }

  /** A fresh bot through the cascade with {@code fault} on the fake Telegram. */
  private DecisionHistogram cascadeOnly(
      String label, java.util.function.Consumer<BenchTelegram> fault, DecisionHistogram calm)
      throws Exception {
    try (BenchTelegram telegram = BenchTelegram.start(TOKEN);
        FeedServer feeds = new FeedServer();
        FakeFloor fakeFloor = new FakeFloor(telegram, TOKEN)) {
      fakeFloor.warm(FAKE_WARM_UP);
      fault.accept(telegram);
      Path dir = Files.createTempDirectory(work, "cascade");
      int port = FreePort.loopback();
      try (BotProcess bot =
          BotProcess.start(jar, dir, env(telegram, feeds, dir, port), port, JVM)) {
        FeedServer.Feed feed = feeds.awaitFeed(Duration.ofSeconds(30));
        awaitMetrics(bot);
        DecisionHistogram decisions = cascade("cascade, " + label, bot, feed, telegram, calm);
        dropped(bot, "cascade, " + label);
        return decisions;
      }
    }
  }

  private DecisionHistogram cascade(
      String label,
      BotProcess bot,
      FeedServer.Feed feed,
      BenchTelegram telegram,
      DecisionHistogram calm)
      throws Exception {
    long base = System.currentTimeMillis() + 200;
    List<Planned> replay = new Plans().cascade(Plans.markerCoins().subList(10, 18), 8, base);
    Files.writeString(
        work.resolve("cascade-replay.jsonl"),
        String.join("\n", replay.stream().map(Planned::frame).toList()) + "\n");
    DecisionHistogram before = bot.decisions();
    Pacer.Sent sent = send(feed, replay, base);
    DecisionHistogram during = bot.decisions().minus(before);
    Deliveries d = deliveries(label, telegram, replay, sent, base);
    double calmP99 = calm == null ? Double.NaN : calm.quantileMillis(0.99);
    table.add(
        label + ": frame → decision (engine timer)",
        during.toString(),
        calm == null ? "p99 ≤ 5 ms" : "p99 ≤ 2 × the 0 ms run's (≤ %.2f ms)".formatted(2 * calmP99),
        during.quantileMillis(0.99) <= (calm == null ? 5 : 2 * calmP99));
    table.add(
        label + ": alerts",
        d.countsText(),
        "0 missed, 0 duplicated",
        d.missed() == 0 && d.duplicated() == 0);
    Stats first = Stats.of(d.unpacedSingles());
    table.add(
        label + ": single detect → send, unpaced",
        first.toString(),
        "p99 ≤ 5 ms",
        first.p99() <= 5);
    table.add(
        label + ": single detect → send, paced (behind another channel message)",
        Stats.of(d.pacedSingles()).toString(),
        "",
        null);
    table.add(label + ": storm detect → send", d.stormText(), "≤ 20 ms when unpaced", null);
    table.add(
        label + ": sender lag",
        "%.1f ms max behind schedule".formatted(sent.maxLagNanos() / 1e6),
        "",
        null);
    return during;
  }

  /**
   * The channel messages of one replay matched against {@link ExpectedAlerts}: missed and
   * duplicated, and detect → send per message, split into unpaced (no other channel message reached
   * Telegram within {@link #CHAT_SPACING} before the engine could decide, so delivery had no reason
   * to hold it) and paced.
   */
  record Deliveries(
      int expected,
      int missed,
      int duplicated,
      List<Double> unpacedSingles,
      List<Double> pacedSingles,
      Double storm,
      boolean stormPaced) {
    String countsText() {
      return "expected %d, missed %d, duplicated %d".formatted(expected, missed, duplicated);
    }

    String stormText() {
      return storm == null
          ? "not sent"
          : "%.1f ms (%s)"
              .formatted(storm, stormPaced ? "paced behind another message" : "unpaced");
    }
  }

  /**
   * Waits for the replay's expected channel messages (each may take a paced slot of {@link
   * #PACED_SLOT}, plus 10 s of margin), then 3 s more for duplicates, and matches them. The fake
   * Telegram must be fresh: every channel message it holds counts.
   */
  private static Deliveries deliveries(
      String label, BenchTelegram telegram, List<Planned> replay, Pacer.Sent sent, long base)
      throws InterruptedException {
    ExpectedAlerts expected = ExpectedAlerts.of(replay);
    Duration wait = PACED_SLOT.multipliedBy(expected.total()).plusSeconds(10);
    long deadline = System.nanoTime() + wait.toNanos();
    while (channelSends(telegram).size() < expected.total() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(3_000); // a duplicate would come within the delivery loop's next rounds
    Map<String, Integer> seen = new TreeMap<>();
    Map<String, Instant> firstAt = new HashMap<>();
    List<Instant> arrivals = new ArrayList<>();
    for (RecordedCall c : channelSends(telegram)) {
      String text = c.param("text");
      Matcher m = COIN.matcher(text == null ? "" : text);
      String key =
          (text != null && text.contains("storm") ? "storm:" : "single:")
              + (m.find() ? m.group(1) : "?");
      seen.merge(key, 1, Integer::sum);
      firstAt.putIfAbsent(key, c.receivedAt());
      arrivals.add(c.receivedAt());
    }
    int missed = 0;
    int duplicated = 0;
    for (var e : expected.byKey().entrySet()) {
      missed += Math.max(0, e.getValue() - seen.getOrDefault(e.getKey(), 0));
    }
    for (var e : seen.entrySet()) {
      duplicated += Math.max(0, e.getValue() - expected.byKey().getOrDefault(e.getKey(), 0));
    }
    if (missed + duplicated > 0) {
      System.out.printf(
          "%s: after %d s expected %s, seen %s%n", label, wait.toSeconds(), expected.byKey(), seen);
    }
    List<Double> unpaced = new ArrayList<>();
    List<Double> paced = new ArrayList<>();
    Double storm = null;
    boolean stormPaced = false;
    for (var e : expected.decisiveMillis().entrySet()) {
      Instant at = firstAt.get(e.getKey());
      if (at == null) {
        continue;
      }
      Instant decided = decisionFrameSent(replay, sent, base, e.getKey(), e.getValue());
      double ms = Duration.between(decided, at).toNanos() / 1e6;
      boolean held =
          arrivals.stream()
              .anyMatch(other -> other.isBefore(at) && other.plus(CHAT_SPACING).isAfter(decided));
      System.out.printf(
          Locale.ROOT,
          "%s: %-14s decision frame sent %s, arrived %s: %.1f ms (%s)%n",
          label,
          e.getKey(),
          decided,
          at,
          ms,
          held ? "paced" : "unpaced");
      if (e.getKey().startsWith("storm:")) {
        storm = ms;
        stormPaced = held;
      } else {
        (held ? paced : unpaced).add(ms);
      }
    }
    return new Deliveries(expected.total(), missed, duplicated, unpaced, paced, storm, stormPaced);
  }

  /**
   * When the engine could decide: the wall-clock send time of the first frame, from the key's last
   * liquidation frame on, whose event time reaches {@code dueMillis} (event time advances only with
   * frames). For a liquidation stamped past its group wait that is the liquidation's own frame.
   */
  private static Instant decisionFrameSent(
      List<Planned> replay, Pacer.Sent sent, long base, String key, long dueMillis) {
    String symbol = "\"s\":\"" + key.substring(key.indexOf(':') + 1) + "USDT\"";
    int last = 0;
    for (int i = 0; i < replay.size(); i++) {
      String frame = replay.get(i).frame();
      if (frame.contains("forceOrder") && frame.contains(symbol)) {
        last = i;
      }
    }
    for (int i = last; i < replay.size(); i++) {
      if (base + replay.get(i).offsetNanos() / 1_000_000 >= dueMillis) {
        return sent.at()[i];
      }
    }
    throw new IllegalStateException("the replay ends before " + dueMillis);
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

  private static List<RecordedCall> channelSends(BenchTelegram telegram) {
    return telegram.calls("sendMessage").stream()
        .filter(c -> c.httpStatus() == 200 && CHANNEL.equals(c.param("chat_id")))
        .toList();
  }

  private static Map<String, String> env(
      BenchTelegram telegram, FeedServer feeds, Path dir, int port) {
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
    // Experiments, e.g. MALLOC_ARENA_MAX=2: space-separated NAME=VALUE pairs.
    for (String pair : System.getProperty("bench.botEnv", "").trim().split("\\s+")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        env.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return env;
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
