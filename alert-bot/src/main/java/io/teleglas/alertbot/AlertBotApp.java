package io.teleglas.alertbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.teleglas.alertbot.alert.AlertEngine;
import io.teleglas.alertbot.alert.AlertText;
import io.teleglas.alertbot.alert.EngineLoop;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.alert.ThresholdsLoader;
import io.teleglas.alertbot.config.AlertBotConfig;
import io.teleglas.alertbot.config.RunMode;
import io.teleglas.alertbot.http.AlertBotEndpoints;
import io.teleglas.alertbot.http.DeliveryHealth;
import io.teleglas.alertbot.replay.Replayer;
import io.teleglas.alertbot.source.SourceManager;
import io.teleglas.alertbot.stream.IngestQueue;
import io.teleglas.core.cli.BuildInfo;
import io.teleglas.core.cli.CommandLine;
import io.teleglas.core.cli.Flag;
import io.teleglas.core.cli.Launcher;
import io.teleglas.core.config.DotEnv;
import io.teleglas.core.config.Environment;
import io.teleglas.core.http.HttpClients;
import io.teleglas.core.http.HttpEndpoints;
import io.teleglas.core.lifecycle.DaemonThreads;
import io.teleglas.core.lifecycle.Lifecycle;
import io.teleglas.core.logging.LogLevels;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert bot as a program: parses the command line, loads the configuration once and runs the
 * chosen mode. Returns the process exit code.
 */
public final class AlertBotApp {
  private static final Logger log = LoggerFactory.getLogger(AlertBotApp.class);
  private static final String PROGRAM = "alert-bot";
  private static final int INGEST_CAPACITY = 65_536;
  private static final String SUMMARY =
      "streams liquidations and whale trades and posts alerts to Telegram";

  static final Flag DEMO =
      Flag.of(
          "--demo",
          "offline: replay the bundled recorded event stream through the real engine and print every alert; needs no token, key or network");
  static final Flag DRY_RUN =
      Flag.of(
          "--dry-run",
          "live sources, but alerts go to stdout instead of Telegram; no token needed");
  static final Flag REPLAY =
      Flag.withArgument(
          "--replay",
          "FILE",
          "like --demo but from a JSON-lines file of recorded frames (format in docs/replay.md)");
  static final List<Flag> FLAGS =
      List.of(Flag.HELP, Flag.VERSION, Flag.CHECK_CONFIG, DEMO, DRY_RUN, REPLAY);

  /** The bundled recording {@code --demo} replays. */
  static final String DEMO_RECORDING = "/io/teleglas/alertbot/replay/demo-cascade.jsonl";

  /** The demo plays its minutes of recorded time in a few seconds. */
  private static final double DEMO_SPEEDUP = 120;

  private final Map<String, String> processEnv;
  private final DotEnv dotEnv;
  private final PrintStream out;
  private final PrintStream err;

  public AlertBotApp(
      Map<String, String> processEnv, DotEnv dotEnv, PrintStream out, PrintStream err) {
    this.processEnv = processEnv;
    this.dotEnv = dotEnv;
    this.out = out;
    this.err = err;
  }

  /** Runs the mode the arguments ask for and returns the exit code. */
  public int run(String[] args) {
    Launcher launcher = new Launcher(PROGRAM, SUMMARY, FLAGS, AlertBotConfig.VARIABLES, out, err);
    try {
      CommandLine cli =
          launcher.parse(
              args,
              c -> {
                c.rejectTogether(DEMO, DRY_RUN);
                c.rejectTogether(DEMO, REPLAY);
                c.rejectTogether(DRY_RUN, REPLAY);
              });
      RunMode mode =
          cli.has(DEMO)
              ? RunMode.DEMO
              : cli.has(DRY_RUN)
                  ? RunMode.DRY_RUN
                  : cli.has(REPLAY) ? RunMode.REPLAY : RunMode.LIVE;
      AlertBotConfig config =
          launcher.configure(
              cli,
              new Environment(processEnv, dotEnv),
              reader -> AlertBotConfig.read(reader, mode));
      return run(mode, config, cli.value(REPLAY));
    } catch (Launcher.Exit e) {
      return e.code();
    }
  }

  private int run(RunMode mode, AlertBotConfig config, Optional<String> replayFile) {
    LogLevels.applyRoot(config.common().logLevel());
    LogLevels.applyFormat(config.common().logFormat());
    return switch (mode) {
      case DRY_RUN -> dryRun(config);
      case DEMO -> replay(config, Optional.empty());
      case REPLAY -> replay(config, replayFile);
      case LIVE -> new LiveMode(config, thresholds(config), err).run();
    };
  }

  /**
   * Offline: the bundled recording ({@code --demo}) or a recorded file ({@code --replay FILE})
   * through the real decoders and engine, every alert printed; exit 0 at the end.
   */
  private int replay(AlertBotConfig config, Optional<String> file) {
    Replayer replayer =
        new Replayer(
            thresholds(config),
            new ObjectMapper(),
            InstrumentCatalog.bundled(),
            file.isEmpty() ? DEMO_SPEEDUP : 0);
    Reader input;
    String name;
    if (file.isPresent()) {
      Path path = Path.of(file.get());
      name = path.toString();
      try {
        input = Files.newBufferedReader(path, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        err.println(
            PROGRAM
                + ": cannot read replay file "
                + name
                + ": "
                + (e instanceof NoSuchFileException ? "no such file" : e.toString()));
        return 2;
      }
    } else {
      name = "bundled demo recording";
      InputStream demo = AlertBotApp.class.getResourceAsStream(DEMO_RECORDING);
      if (demo == null) {
        err.println(PROGRAM + ": the bundled demo recording is missing: " + DEMO_RECORDING);
        return 1;
      }
      input = new InputStreamReader(demo, StandardCharsets.UTF_8);
      out.println(
          "alert-bot demo: replaying a synthetic liquidation cascade (BTC, ETH, WIF on Binance,"
              + " Bybit, OKX, Hyperliquid) through the real decoders and alert engine; offline.");
    }
    try (Reader in = input) {
      Replayer.Summary summary =
          replayer.replay(
              in,
              this::printAsTelegramShowsIt,
              bad -> err.println(PROGRAM + ": " + name + ": skipped " + bad));
      out.println(summary.line());
      out.flush();
      return 0;
    } catch (IOException | UncheckedIOException e) {
      err.println(PROGRAM + ": cannot read " + name + ": " + e.getMessage());
      return 1;
    }
  }

  /**
   * One summary line per alert (easy to grep), then the message as the channel shows it: the
   * Telegram HTML as plain text, each line behind a bar.
   */
  private void printAsTelegramShowsIt(io.teleglas.alertbot.alert.Alert alert) {
    out.println(AlertText.line(alert));
    for (String line : io.teleglas.alertbot.render.AlertHtml.plain(alert).split("\\R")) {
      out.println("  │ " + line);
    }
    out.println();
  }

  private static Thresholds thresholds(AlertBotConfig config) {
    return config.rulesFile().map(ThresholdsLoader::load).orElse(Thresholds.DEFAULT);
  }

  /** Live sources; every normalized event and every alert printed to stdout, until SIGTERM. */
  private int dryRun(AlertBotConfig config) {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.closeOnShutdown(Runtime.getRuntime());
    OkHttpClient http = HttpClients.create();
    lifecycle.add("okhttp", HttpClients.closer(http));
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(2, new DaemonThreads("streams"));
    lifecycle.add("stream scheduler", scheduler::shutdownNow);
    IngestQueue queue = new IngestQueue(INGEST_CAPACITY, Clock.systemUTC());
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Thresholds thresholds = thresholds(config);
    AlertEngine engine =
        AlertEngine.withBuiltInRules(thresholds, alert -> out.println(AlertText.line(alert)));
    EngineLoop engineLoop =
        new EngineLoop(
            queue, engine, Clock.systemUTC(), e -> out.println(DryRunPrinter.line(e)), metrics);
    Thread engineThread = new DaemonThreads("alert-engine").newThread(engineLoop);
    engineThread.start();
    lifecycle.add("alert engine", engineThread::interrupt);
    ObjectMapper mapper = new ObjectMapper();
    UpstreamMeter upstream = new UpstreamMeter(metrics, Clock.systemUTC());
    AlertSources.Built built =
        AlertSources.build(
            config,
            http,
            mapper,
            scheduler,
            Clock.systemUTC(),
            upstream,
            queue,
            new LoggingNotices());
    lifecycle.add("fallback polling", built.fallback());
    SourceManager sources = built.manager();
    sources.start();
    lifecycle.add("sources", sources);
    io.teleglas.alertbot.market.MarketPoller market =
        AlertSources.marketPoller(
            config,
            built,
            thresholds,
            http,
            mapper,
            scheduler,
            Clock.systemUTC(),
            upstream,
            metrics,
            engineLoop::offer);
    market.start();
    lifecycle.add("market polling", market);
    if (config.httpAddress().isPresent()) {
      try {
        HttpEndpoints endpoints =
            new AlertBotEndpoints(
                    sources,
                    queue,
                    DeliveryHealth.NONE,
                    mapper,
                    Clock.systemUTC(),
                    AlertBotEndpoints.DEFAULT_STALE_AFTER,
                    metrics)
                .routeOn(new HttpEndpoints(config.httpAddress().get()))
                .start();
        lifecycle.add("http endpoints", endpoints);
      } catch (UncheckedIOException e) {
        log.error("cannot start: {}", e.getMessage());
        lifecycle.close();
        return 1;
      }
    }
    log.info(
        "{} {} dry run: events print to stdout; stop with Ctrl-C", PROGRAM, BuildInfo.version());
    try {
      lifecycle.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
