package io.teleglas.commandbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.teleglas.commandbot.chat.TelegramChat;
import io.teleglas.commandbot.command.ChatCommand;
import io.teleglas.commandbot.command.CommandCounts;
import io.teleglas.commandbot.command.CommandRouter;
import io.teleglas.commandbot.command.FundingCommand;
import io.teleglas.commandbot.command.LiqCommand;
import io.teleglas.commandbot.command.LsCommand;
import io.teleglas.commandbot.command.OiCommand;
import io.teleglas.commandbot.command.RawCommand;
import io.teleglas.commandbot.command.StartCommand;
import io.teleglas.commandbot.command.StatusCommand;
import io.teleglas.commandbot.command.Symbols;
import io.teleglas.commandbot.command.WhaleCommand;
import io.teleglas.commandbot.config.CommandBotConfig;
import io.teleglas.commandbot.http.CommandBotHealth;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.commandbot.market.MarketWiring;
import io.teleglas.commandbot.offline.OfflineUpstream;
import io.teleglas.core.cli.BuildInfo;
import io.teleglas.core.cli.CommandLine;
import io.teleglas.core.cli.Flag;
import io.teleglas.core.cli.Launcher;
import io.teleglas.core.coinglass.CoinglassRateLimiter;
import io.teleglas.core.config.DotEnv;
import io.teleglas.core.config.Environment;
import io.teleglas.core.http.HttpClients;
import io.teleglas.core.http.HttpEndpoints;
import io.teleglas.core.lifecycle.InstanceLock;
import io.teleglas.core.lifecycle.Lifecycle;
import io.teleglas.core.logging.LogLevels;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.SymbolResolver;
import io.teleglas.core.telegram.LongPollingBot;
import io.teleglas.core.telegram.PollHealth;
import io.teleglas.core.telegram.UserRateLimiter;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The command bot as a program: parses the command line, loads the configuration once, wires the
 * components and runs the chosen mode. Returns the process exit code; in bot mode it returns only
 * after shutdown.
 */
public final class CommandBotApp {
  private static final Logger log = LoggerFactory.getLogger(CommandBotApp.class);
  private static final String PROGRAM = "command-bot";
  private static final int RATE_LIMIT_COMMANDS = 6;
  private static final Duration RATE_LIMIT_WINDOW = Duration.ofSeconds(20);

  /**
   * Updates handled at once. A handler spends nearly all its time waiting, on the upstream calls of
   * a market command (up to {@link MarketWiring#REPLY_DEADLINE}) and on Telegram's answer to the
   * send, not computing, so the pool is sized for users waiting at once, not for cores: with one
   * thread per core times four (8 on the 2-core target), 100 users asking together were answered in
   * waves of 8 (docs/performance.md, "Command bot"). An idle thread ends after 30 s.
   */
  static final int UPDATE_WORKERS = 64;

  /** Idle connections kept for reuse, enough for two {@code /raw} fan-outs. */
  static final int IDLE_CONNECTIONS = 48;

  private static final String SUMMARY =
      "answers Telegram commands with live crypto derivatives data";

  static final Flag CONSOLE =
      Flag.of(
          "--console",
          "read commands such as /raw BTC from stdin and print each reply as the chat would show it; no Telegram token needed");
  static final Flag OFFLINE =
      Flag.of(
          "--offline", "with --console: answer from the bundled sample data instead of live APIs");
  static final List<Flag> FLAGS =
      List.of(Flag.HELP, Flag.VERSION, Flag.CHECK_CONFIG, CONSOLE, OFFLINE);

  private final Map<String, String> processEnv;
  private final DotEnv dotEnv;
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  public CommandBotApp(
      Map<String, String> processEnv,
      DotEnv dotEnv,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    this.processEnv = processEnv;
    this.dotEnv = dotEnv;
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Runs the mode the arguments ask for and returns the exit code. */
  public int run(String[] args) {
    Launcher launcher = new Launcher(PROGRAM, SUMMARY, FLAGS, CommandBotConfig.VARIABLES, out, err);
    try {
      CommandLine cli = launcher.parse(args, c -> c.requireWith(OFFLINE, CONSOLE));
      CommandBotConfig config =
          launcher.configure(
              cli,
              new Environment(processEnv, dotEnv),
              reader -> CommandBotConfig.read(reader, !cli.has(CONSOLE)));
      return run(cli, config);
    } catch (Launcher.Exit e) {
      return e.code();
    }
  }

  private int run(CommandLine cli, CommandBotConfig config) {
    LogLevels.applyRoot(config.common().logLevel());
    LogLevels.applyFormat(config.common().logFormat());
    if (cli.has(OFFLINE)) {
      return runOffline(config);
    }
    OkHttpClient http = withUpstreamPool(HttpClients.create());
    ObjectMapper mapper = new ObjectMapper();
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    UpstreamMeter meter = new UpstreamMeter(metrics, Clock.systemUTC());
    MarketData market =
        MarketWiring.marketData(config.common(), http, mapper, meter, Clock.systemUTC());
    AtomicReference<PollHealth> polling = new AtomicReference<>();
    CommandRouter router =
        router(
            market,
            meter,
            () -> Optional.ofNullable(polling.get()).map(PollHealth::snapshot),
            Clock.systemUTC());
    if (cli.has(CONSOLE)) {
      return console(router, http, Optional.empty());
    }
    return runBot(config, router, http, mapper, metrics, polling);
  }

  /**
   * {@code --console --offline}: the sample server stands in for every upstream, on loopback, until
   * the input ends; the configured URLs and key are not used, so nothing leaves the machine.
   */
  private int runOffline(CommandBotConfig config) {
    OfflineUpstream upstream;
    try {
      upstream = OfflineUpstream.start(OfflineUpstream.SAMPLE_KEY, Clock.systemUTC());
    } catch (IllegalStateException | UncheckedIOException e) {
      log.error("cannot start the offline sample data: {}", e.getMessage());
      return 1;
    }
    try (upstream) {
      err.println("Sample data served on " + upstream.baseUrl() + " until the input ends.");
      OkHttpClient http = HttpClients.create().newBuilder().proxy(Proxy.NO_PROXY).build();
      Clock clock = Clock.systemUTC();
      UpstreamMeter meter =
          new UpstreamMeter(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock);
      MarketData market =
          MarketWiring.marketData(
              upstream.configFor(config.common()),
              CoinglassRateLimiter.forPlan(OfflineUpstream.SAMPLE_PLAN, clock),
              http,
              new ObjectMapper(),
              meter,
              clock);
      return console(
          router(market, meter, Optional::empty, clock), http, Optional.of(OfflineUpstream.NOTICE));
    }
  }

  /**
   * {@code http} keeping up to {@value #IDLE_CONNECTIONS} idle connections (OkHttp keeps 5): a
   * {@code /raw} sends about 25 requests at once to five hosts, and with 5 kept the next burst
   * opened most of its connections anew (a TLS handshake each against the real APIs).
   */
  static OkHttpClient withUpstreamPool(OkHttpClient http) {
    return http.newBuilder()
        .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
        .build();
  }

  private int console(CommandRouter router, OkHttpClient http, Optional<String> notice) {
    try (HttpClients.Release release = HttpClients.closer(http)) {
      return new ConsoleSession(router, in, out, notice).run();
    }
  }

  private int runBot(
      CommandBotConfig config,
      CommandRouter router,
      OkHttpClient http,
      ObjectMapper mapper,
      PrometheusMeterRegistry metrics,
      AtomicReference<PollHealth> polling) {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.closeOnShutdown(Runtime.getRuntime());
    try {
      // One poller per token: a second copy on this machine would split the updates (409 for both).
      lifecycle.add("instance lock", InstanceLock.acquire(config.common().dataDir(), PROGRAM));
    } catch (IOException e) {
      log.error("cannot start: {}", e.getMessage());
      lifecycle.close();
      return 1;
    }
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
    lifecycle.add("okhttp", HttpClients.closer(http));
    try {
      var client =
          new OkHttpTelegramClient(
              http,
              config.botToken().orElseThrow().reveal(),
              LongPollingBot.telegramUrl(config.common().telegramApiUrl()));
      UserRateLimiter limiter =
          new UserRateLimiter(RATE_LIMIT_COMMANDS, RATE_LIMIT_WINDOW, Clock.systemUTC());
      TelegramChat chat =
          new TelegramChat(
              client,
              router,
              config.allowedUsers().withAdmins(config.adminIds()),
              limiter,
              metrics);
      chat.registerMenu();
      LongPollingBot bot =
          new LongPollingBot(
              config.botToken().orElseThrow(),
              config.common().telegramApiUrl(),
              http,
              mapper,
              chat,
              UPDATE_WORKERS);
      polling.set(bot.pollHealth());
      // Beside the first polls, not before them: the reply path gets compiled within seconds of
      // start-up, and a user who writes meanwhile is answered by colder code, never made to wait.
      Thread warmUp =
          new Thread(
              () ->
                  ReplyPathWarmUp.run(
                      config.common(),
                      Clock.systemUTC(),
                      ReplyPathWarmUp.DEFAULT_ROUNDS,
                      ReplyPathWarmUp.DEFAULT_BUDGET),
              "reply-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
      bot.start();
      lifecycle.add("telegram poller", bot);
      if (config.httpAddress().isPresent()) {
        CommandBotHealth health = new CommandBotHealth(bot.pollHealth(), mapper, Clock.systemUTC());
        HttpEndpoints endpoints =
            new HttpEndpoints(config.httpAddress().get())
                .route("/health", health::get)
                .route(
                    "/metrics",
                    () ->
                        new HttpEndpoints.Response(
                            200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()))
                .start();
        lifecycle.add("http endpoints", endpoints);
      }
    } catch (TelegramApiException e) {
      log.error(
          "cannot start: Telegram at {} refused or was unreachable: {}",
          config.common().telegramApiUrl(),
          e.getMessage());
      lifecycle.close();
      return 1;
    } catch (UncheckedIOException e) {
      log.error("cannot start: {}", e.getMessage());
      lifecycle.close();
      return 1;
    }
    log.info(
        "{} {} started: {} command(s), access {}",
        PROGRAM,
        BuildInfo.version(),
        router.commands().size(),
        config.allowedUsers().allowsEveryone()
            ? "open to everyone"
            : config.allowedUsers().userIds().size() + " user(s)");
    try {
      lifecycle.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Every command in menu order. {@code polling} is Telegram's poll health once the bot polls,
   * empty in console mode; the router is built at startup, so its start time is the uptime's.
   */
  static CommandRouter router(
      MarketData market,
      UpstreamMeter meter,
      Supplier<Optional<PollHealth.Snapshot>> polling,
      Clock clock) {
    Symbols symbols = new Symbols(new SymbolResolver(InstrumentCatalog.bundled()));
    CommandCounts counts = new CommandCounts(clock);
    List<ChatCommand> commands =
        List.of(
            new StartCommand(),
            new RawCommand(market, symbols, clock),
            new LiqCommand(market, symbols, clock),
            new WhaleCommand(market, symbols, clock),
            new FundingCommand(market, symbols, clock),
            new OiCommand(market, symbols, clock),
            new LsCommand(market, symbols, clock),
            new StatusCommand(market, meter, counts, polling, clock.instant(), clock));
    return CommandRouter.withHelp(commands, counts);
  }
}
