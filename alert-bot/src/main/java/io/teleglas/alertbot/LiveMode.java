package io.teleglas.alertbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.teleglas.alertbot.alert.AlertCounters;
import io.teleglas.alertbot.alert.AlertEngine;
import io.teleglas.alertbot.alert.EngineLoop;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.chat.AlertChat;
import io.teleglas.alertbot.chat.BotStatus;
import io.teleglas.alertbot.chat.PersonalAlerts;
import io.teleglas.alertbot.config.AlertBotConfig;
import io.teleglas.alertbot.delivery.DeliveryListener;
import io.teleglas.alertbot.delivery.DeliverySettings;
import io.teleglas.alertbot.delivery.TelegramDelivery;
import io.teleglas.alertbot.dispatch.AdminNotices;
import io.teleglas.alertbot.dispatch.AlertPathWarmUp;
import io.teleglas.alertbot.dispatch.ChannelRouter;
import io.teleglas.alertbot.ha.InstanceIdentity;
import io.teleglas.alertbot.ha.LeaderElection;
import io.teleglas.alertbot.ha.PostgresLease;
import io.teleglas.alertbot.ha.StandbyGate;
import io.teleglas.alertbot.http.AlertBotEndpoints;
import io.teleglas.alertbot.market.MarketPoller;
import io.teleglas.alertbot.render.AlertHtml;
import io.teleglas.alertbot.render.Rendered;
import io.teleglas.alertbot.source.SourceManager;
import io.teleglas.alertbot.store.Database;
import io.teleglas.alertbot.store.DatabaseStartupException;
import io.teleglas.alertbot.store.JdbcOutbox;
import io.teleglas.alertbot.store.JdbcSubscriptions;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.Subscriptions;
import io.teleglas.alertbot.stream.IngestQueue;
import io.teleglas.core.cli.BuildInfo;
import io.teleglas.core.config.Secret;
import io.teleglas.core.http.HttpClients;
import io.teleglas.core.http.HttpEndpoints;
import io.teleglas.core.lifecycle.DaemonThreads;
import io.teleglas.core.lifecycle.InstanceLock;
import io.teleglas.core.lifecycle.Lifecycle;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.telegram.LongPollingBot;
import io.teleglas.core.telegram.UserRateLimiter;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The alert bot for real: live sources → engine → durable outbox → Telegram (the channel, the
 * subscribers' private chats and the admin chat), the private-chat commands on a long poll, and the
 * HTTP endpoints. Runs until SIGTERM; returns the exit code.
 */
final class LiveMode {
  private static final Logger log = LoggerFactory.getLogger(LiveMode.class);
  private static final String PROGRAM = "alert-bot";
  private static final int INGEST_CAPACITY = 65_536;
  private static final int CHAT_THREADS = 4;
  private static final int COMMANDS_PER_WINDOW = 6;
  private static final Duration COMMAND_WINDOW = Duration.ofSeconds(20);
  private static final Duration BACKLOG_CHECK = Duration.ofSeconds(30);
  private static final Duration KEEP_DELIVERED = Duration.ofDays(7);

  /** The row of {@code leader_lease} the alert bots of one database elect their leader in. */
  private static final String LEASE = "alert-bot";

  /**
   * How far back a standby that takes over stores what it decided: the lease's time to live, a
   * standby's retry, the engine's group wait and lateness, and slack.
   */
  private static final Duration STANDBY_WINDOW = Duration.ofSeconds(60);

  private static final LeaderElection.Timing LEASE_TIMING = LeaderElection.Timing.DEFAULT;

  private static final Duration STANDBY_SUBSCRIPTION_RELOAD = Duration.ofSeconds(30);

  /** Exit status after losing the leader lease: a failure, so systemd starts a fresh standby. */
  private static final int EXIT_LEASE_LOST = 3;

  private final AlertBotConfig config;
  private final Thresholds thresholds;
  private final PrintStream err;
  private final Clock clock = Clock.systemUTC();

  LiveMode(AlertBotConfig config, Thresholds thresholds, PrintStream err) {
    this.config = config;
    this.thresholds = thresholds;
    this.err = err;
  }

  int run() {
    Lifecycle lifecycle = new Lifecycle();
    try {
      return start(lifecycle);
    } catch (Startup e) {
      err.println(PROGRAM + ": cannot start: " + e.getMessage());
      lifecycle.close();
      return 1;
    }
  }

  private int start(Lifecycle lifecycle) {
    lifecycle.closeOnShutdown(Runtime.getRuntime());
    try {
      lifecycle.add("instance lock", InstanceLock.acquire(config.common().dataDir(), PROGRAM));
    } catch (IOException e) {
      throw new Startup(e.getMessage());
    }
    // Opening the store (Flyway) and asking Telegram who we are each take hundreds of
    // milliseconds; they run while the sources connect, and the ingest queue holds the first
    // events until the engine starts with the outbox open.
    ExecutorService startup = Executors.newFixedThreadPool(2, new DaemonThreads("startup"));
    CompletableFuture<Database> opening =
        CompletableFuture.supplyAsync(() -> Database.open(config.common()), startup);
    lifecycle.add("database", () -> opening.thenAccept(Database::close));
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ObjectMapper mapper = new ObjectMapper();
    OkHttpClient http = HttpClients.create();
    lifecycle.add("okhttp", HttpClients.closer(http));
    Secret token = config.alertToken().orElseThrow();
    TelegramClient telegram =
        new OkHttpTelegramClient(
            http, token.reveal(), LongPollingBot.telegramUrl(config.common().telegramApiUrl()));
    CompletableFuture<String> asking =
        CompletableFuture.supplyAsync(() -> botUsername(telegram), startup);
    startup.shutdown();

    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(2, new DaemonThreads("streams"));
    lifecycle.add("scheduler", scheduler::shutdownNow);
    IngestQueue queue = new IngestQueue(INGEST_CAPACITY, clock);
    EarlyMessages early = new EarlyMessages();
    AdminNotices notices = new AdminNotices(config.adminChat(), new LoggingNotices(), early, clock);
    UpstreamMeter upstream = new UpstreamMeter(metrics, clock);
    AlertSources.Built built =
        AlertSources.build(config, http, mapper, scheduler, clock, upstream, queue, notices);
    lifecycle.add("fallback polling", built.fallback());
    SourceManager sources = built.manager();
    sources.start();
    lifecycle.add("sources", sources);

    Database db = awaitStartup(opening);
    log.info("store: {}", db.describe());
    String username = awaitStartup(asking);
    JdbcOutbox outbox = new JdbcOutbox(db);
    JdbcSubscriptions subscriptions = new JdbcSubscriptions(db, clock);

    AtomicInteger exitCode = new AtomicInteger();
    Leadership leadership = new Leadership(lifecycle, exitCode);
    ExecutorService leadershipEvents =
        Executors.newSingleThreadExecutor(new DaemonThreads("leadership"));
    lifecycle.add("leadership events", leadershipEvents::shutdownNow);
    Optional<LeaderElection> election = election(db, leadership, leadershipEvents);
    // Closed after delivery and the long poll (the lifecycle closes in reverse): the lease is
    // given up only once nothing of this instance sends any more.
    election.ifPresent(e -> lifecycle.add("leader election", e));
    BooleanSupplier leader = election.isPresent() ? election.get()::isLeader : () -> true;

    TelegramDelivery[] deliveryRef = new TelegramDelivery[1];
    StandbyGate gate =
        new StandbyGate(
            outbox,
            () -> {
              TelegramDelivery d = deliveryRef[0];
              if (d != null) {
                d.wake();
              }
            },
            STANDBY_WINDOW,
            clock,
            metrics,
            election.isEmpty());
    java.util.function.Consumer<OutboundMessage> enqueue =
        message -> {
          try {
            gate.accept(message);
          } catch (RuntimeException e) {
            metrics.counter("teleglas_outbox_store_failures_total").increment();
            log.error("could not store a message for {}: {}", message.chat(), e.toString());
          }
        };
    early.forwardTo(enqueue);
    TelegramDelivery delivery =
        new TelegramDelivery(
            outbox,
            telegram,
            DeliverySettings.defaults(),
            new Unreachable(subscriptions, config.alertChannel().orElseThrow(), notices, clock),
            metrics,
            clock,
            new DaemonThreads("delivery"));
    deliveryRef[0] = delivery;
    delivery.deliverOnlyWhile(leader);
    lifecycle.add("delivery", delivery);

    ChannelRouter.Renderer renderer =
        alert -> {
          Rendered r = AlertHtml.render(alert);
          return new ChannelRouter.Text(r.html(), r.summary());
        };
    ChannelRouter channel =
        new ChannelRouter(config.alertChannel().orElseThrow(), renderer, enqueue, clock);
    // Decide, route and render made-up alerts once now, off the main thread, so the first real
    // alert does not pay for loading that code (docs/performance.md, "Detect → send").
    new DaemonThreads("alert-warm-up")
        .newThread(
            () ->
                safely(
                    "alert path warm-up", () -> new AlertPathWarmUp(thresholds, renderer).run(1)))
        .start();
    PersonalAlerts personal =
        new PersonalAlerts(subscriptions, thresholds, enqueue::accept, clock, metrics);
    AlertCounters alertCounters = new AlertCounters(metrics);
    AlertEngine engine =
        AlertEngine.withBuiltInRules(
            thresholds,
            alert -> {
              alertCounters.increment(alert);
              channel.accept(alert);
              personal.onAlert(alert);
            });
    EngineLoop engineLoop =
        new EngineLoop(queue, engine, clock, e -> personal.onEvent(e.event()), metrics);
    Thread engineThread = new DaemonThreads("alert-engine").newThread(engineLoop);
    engineThread.start();
    lifecycle.add("alert engine", engineThread::interrupt);

    MarketPoller market =
        AlertSources.marketPoller(
            config,
            built,
            thresholds,
            http,
            mapper,
            scheduler,
            clock,
            upstream,
            metrics,
            engineLoop::offer);
    // Funding and open interest are polled by the leader only: the CoinGlass plan's request budget
    // belongs to the key, and every standby polling too would spend it again.
    lifecycle.add("market polling", market);

    scheduler.scheduleWithFixedDelay(
        () ->
            safely(
                "backlog check",
                () -> {
                  if (leader.getAsBoolean()) {
                    notices.checkBacklog(outbox::stats);
                  }
                }),
        BACKLOG_CHECK.toSeconds(),
        BACKLOG_CHECK.toSeconds(),
        TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(
        () ->
            safely(
                "outbox purge",
                () -> {
                  if (!leader.getAsBoolean()) {
                    return;
                  }
                  int purged = outbox.purgeDelivered(clock.instant().minus(KEEP_DELIVERED));
                  if (purged > 0) {
                    log.info("purged {} delivered message(s) older than 7 days", purged);
                  }
                }),
        1,
        60 * 60,
        TimeUnit.SECONDS);

    AlertChat chat =
        new AlertChat(
            telegram,
            subscriptions,
            thresholds,
            BotStatus.of(sources, delivery.health()),
            new UserRateLimiter(COMMANDS_PER_WINDOW, COMMAND_WINDOW, clock),
            username,
            clock,
            metrics);
    LongPollingBot poller =
        new LongPollingBot(
            token, config.common().telegramApiUrl(), http, mapper, chat, CHAT_THREADS);
    lifecycle.add("telegram poller", poller);
    Runnable lead =
        () -> {
          gate.promote();
          market.start();
          subscriptions.changedElsewhere();
          delivery.start();
          try {
            poller.start();
          } catch (TelegramApiException e) {
            throw new Startup("Telegram refused the long poll: " + e.getMessage());
          }
          try {
            chat.registerMenu();
          } catch (TelegramApiException e) {
            log.warn("could not register the command menu: {}", e.getMessage());
          }
        };

    if (config.httpAddress().isPresent()) {
      try {
        HttpEndpoints endpoints =
            new AlertBotEndpoints(
                    sources,
                    queue,
                    delivery.health(),
                    mapper,
                    clock,
                    AlertBotEndpoints.DEFAULT_STALE_AFTER,
                    metrics)
                .withRole(election.isPresent() ? election.get()::role : () -> "leader")
                .routeOn(new HttpEndpoints(config.httpAddress().get()))
                .start();
        lifecycle.add("http endpoints", endpoints);
      } catch (UncheckedIOException e) {
        throw new Startup(e.getMessage());
      }
    }
    metrics.gauge("teleglas_leader", leader, l -> l.getAsBoolean() ? 1 : 0);
    if (election.isEmpty()) {
      lead.run();
    } else {
      scheduler.scheduleWithFixedDelay(
          () -> {
            if (!leader.getAsBoolean()) {
              subscriptions.changedElsewhere();
            }
          },
          STANDBY_SUBSCRIPTION_RELOAD.toSeconds(),
          STANDBY_SUBSCRIPTION_RELOAD.toSeconds(),
          TimeUnit.SECONDS);
      leadership.lead = lead;
      log.info(
          "high availability on {}: standing by until this instance holds the lease",
          db.describe());
      election.get().start();
    }
    log.info(
        "{} {} running as @{}: alerts to {}, admin notices to {}, sources {}",
        PROGRAM,
        BuildInfo.version(),
        username,
        config.alertChannel().orElseThrow(),
        config.adminChat().map(ChatId::toString).orElse("the log only"),
        config.sources());
    try {
      lifecycle.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return exitCode.get();
  }

  /**
   * On PostgreSQL, the election among the alert bots sharing the database (docs/operations.md, high
   * availability); on SQLite, none: one instance owns DATA_DIR and is always the leader.
   */
  private Optional<LeaderElection> election(
      Database db, Leadership leadership, ExecutorService events) {
    if (db.vendor() != Database.Vendor.POSTGRESQL) {
      return Optional.empty();
    }
    String identity;
    try {
      identity = InstanceIdentity.of(config.common().dataDir());
    } catch (UncheckedIOException e) {
      throw new Startup(e.getMessage());
    }
    return Optional.of(
        new LeaderElection(
            new PostgresLease(db, LEASE, identity, LEASE_TIMING.ttl()),
            LEASE_TIMING,
            System::nanoTime,
            leadership,
            events,
            new DaemonThreads("leader-election")));
  }

  /** The result of a start-up step run in parallel; its failure stops the start with one line. */
  private static <T> T awaitStartup(CompletableFuture<T> step) {
    try {
      return step.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Startup startup) {
        throw startup;
      }
      if (cause instanceof DatabaseStartupException failed) {
        throw new Startup(failed.getMessage());
      }
      throw e;
    }
  }

  /**
   * Messages made before the outbox is open (a source's "connected" notice at start-up): held in
   * order, then handed on once {@link #forwardTo} names where. Thread-safe.
   */
  private static final class EarlyMessages implements Consumer<OutboundMessage> {
    private static final int LIMIT = 100;
    private final List<OutboundMessage> held = new ArrayList<>();
    private Consumer<OutboundMessage> target;

    @Override
    public synchronized void accept(OutboundMessage message) {
      if (target != null) {
        target.accept(message);
      } else if (held.size() < LIMIT) {
        held.add(message);
      } else {
        log.warn("start-up: dropped a message for {}: more than {} waiting", message.chat(), LIMIT);
      }
    }

    synchronized void forwardTo(Consumer<OutboundMessage> target) {
      this.target = target;
      held.forEach(target);
      held.clear();
    }
  }

  private String botUsername(TelegramClient telegram) {
    try {
      String name = telegram.execute(new GetMe()).getUserName();
      return name == null ? "" : name;
    } catch (TelegramApiException e) {
      throw new Startup("Telegram did not accept TELEGRAM_ALERT_TOKEN (getMe): " + e.getMessage());
    }
  }

  private static void safely(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.warn("{} failed: {}", what, e.toString());
    }
  }

  /**
   * A chat Telegram will not deliver to: a subscriber who blocked the bot is deactivated; the
   * channel or the admin chat is an operator problem, logged and reported.
   */
  private record Unreachable(
      Subscriptions subscriptions, ChatId channel, AdminNotices notices, Clock clock)
      implements DeliveryListener {
    @Override
    public void chatUnreachable(ChatId chat, String reason) {
      if (chat.isNumeric() && Long.parseLong(chat.value()) > 0) {
        log.info(
            "user {} is unreachable ({}): subscriptions paused until they write", chat, reason);
        subscriptions.deactivate(Long.parseLong(chat.value()), reason, clock.instant());
      } else if (chat.equals(channel)) {
        log.error(
            "Telegram refuses to post to the alert channel {}: {}. Make the bot an administrator"
                + " with 'Post Messages' and check TELEGRAM_ALERT_CHANNEL_ID.",
            chat,
            reason);
        notices.error("telegram", "cannot post to the alert channel " + chat + ": " + reason);
      } else {
        log.error("Telegram refuses to post to {}: {}", chat, reason);
      }
    }
  }

  /**
   * What this instance does when the election changes its mind: elected, it starts delivering and
   * polling Telegram; on losing the lease it stops the whole process with {@link #EXIT_LEASE_LOST},
   * so that nothing half-stopped keeps running and systemd starts a clean standby. Runs on the
   * election's event thread; the shutdown gets its own, because closing the lifecycle stops that
   * event thread too.
   */
  private static final class Leadership implements LeaderElection.Listener {
    private final Lifecycle lifecycle;
    private final AtomicInteger exitCode;
    private volatile Runnable lead = () -> {};

    Leadership(Lifecycle lifecycle, AtomicInteger exitCode) {
      this.lifecycle = lifecycle;
      this.exitCode = exitCode;
    }

    @Override
    public void elected() {
      try {
        lead.run();
      } catch (RuntimeException e) {
        log.error("cannot act as leader: {}", e.getMessage());
        stop(1);
      }
    }

    @Override
    public void lost(String why) {
      log.error(
          "no longer the leader ({}): stopping so that this instance starts again as a standby",
          why);
      stop(EXIT_LEASE_LOST);
    }

    private void stop(int code) {
      exitCode.compareAndSet(0, code);
      Thread shutdown = new Thread(lifecycle::close, "leadership-shutdown");
      shutdown.start();
    }
  }

  /** A startup failure with a one-line reason for the operator. */
  private static final class Startup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Startup(String message) {
      super(message, null, false, false);
    }
  }
}
