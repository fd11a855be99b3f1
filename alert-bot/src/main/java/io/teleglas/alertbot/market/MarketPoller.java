package io.teleglas.alertbot.market;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teleglas.alertbot.stream.LogThrottle;
import io.teleglas.core.lifecycle.DaemonThreads;
import io.teleglas.core.market.Coin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads funding rates and open interest for the watched coins every poll interval (and once soon
 * after {@link #start()}), and hands one {@link MarketReading} per coin to a consumer, which in the
 * app is {@code EngineLoop::offer}: the alert engine's thread-safe handoff.
 *
 * <p>Every figure is the source's answer. A part that failed (an exchange, a figure, a whole coin)
 * is left out of that poll's reading, never estimated, counted in {@code
 * teleglas_market_poll_failures_total{source}} and logged at most once a minute per source; a coin
 * with no figure at all gets no reading. Nothing a poll meets escapes into the scheduler, so the
 * next poll always runs. Polls never overlap: a tick that finds the previous poll still waiting for
 * answers is skipped and counted in {@code teleglas_market_polls_skipped_total}. Each reading
 * handed on counts in {@code teleglas_market_readings_total}.
 *
 * <p>Thread-safe. The consumer is called from HTTP client threads, one reading at a time per coin
 * but coins concurrently, so it must be thread-safe and must not block.
 */
public final class MarketPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MarketPoller.class);

  /** How soon after {@link #start()} the first poll runs: once the streams had a moment. */
  public static final Duration FIRST_POLL_DELAY = Duration.ofSeconds(10);

  /** How long a source waits for each answer, unless the interval is shorter. */
  public static final Duration ANSWER_DEADLINE = Duration.ofSeconds(20);

  private static final Duration LOG_PERIOD = Duration.ofMinutes(1);

  private final MarketSource source;
  private final List<Coin> coins;
  private final Duration interval;
  private final Duration firstDelay;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Consumer<MarketReading> sink;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<String, LogThrottle> throttles = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private final Counter skipped;
  private final Counter readings;
  private volatile ScheduledFuture<?> task;

  /**
   * A poller on {@code scheduler}, which stays the caller's (close does not shut it down).
   *
   * @param source CoinGlass or the venues
   * @param coins the coins to read ({@code ALERT_SYMBOLS}), not empty
   * @param interval time between polls ({@code thresholds.market().pollInterval()})
   * @param sink receives each reading, thread-safe and non-blocking ({@code engineLoop::offer})
   */
  public MarketPoller(
      MarketSource source,
      List<Coin> coins,
      Duration interval,
      ScheduledExecutorService scheduler,
      Clock clock,
      MeterRegistry registry,
      Consumer<MarketReading> sink) {
    this(source, coins, interval, FIRST_POLL_DELAY, scheduler, false, clock, registry, sink);
  }

  /** As the other constructor, on a daemon thread of its own that {@link #close()} stops. */
  public MarketPoller(
      MarketSource source,
      List<Coin> coins,
      Duration interval,
      Clock clock,
      MeterRegistry registry,
      Consumer<MarketReading> sink) {
    this(
        source,
        coins,
        interval,
        FIRST_POLL_DELAY,
        new ScheduledThreadPoolExecutor(1, new DaemonThreads("market-poll")),
        true,
        clock,
        registry,
        sink);
  }

  MarketPoller(
      MarketSource source,
      List<Coin> coins,
      Duration interval,
      Duration firstDelay,
      ScheduledExecutorService scheduler,
      boolean ownsScheduler,
      Clock clock,
      MeterRegistry registry,
      Consumer<MarketReading> sink) {
    this.source = Objects.requireNonNull(source, "source is null");
    this.coins = List.copyOf(coins);
    if (this.coins.isEmpty()) {
      throw new IllegalArgumentException("coins is empty");
    }
    this.interval = Answers.positive(interval);
    this.firstDelay = Objects.requireNonNull(firstDelay, "firstDelay is null");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler is null");
    this.ownsScheduler = ownsScheduler;
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.sink = Objects.requireNonNull(sink, "sink is null");
    this.skipped =
        Counter.builder("teleglas_market_polls_skipped")
            .description("Market polls skipped because the previous one was still running")
            .register(registry);
    this.readings =
        Counter.builder("teleglas_market_readings")
            .description("Funding and open-interest readings handed to the alert engine")
            .register(registry);
  }

  /** The deadline for each answer that fits {@code interval}: at most {@link #ANSWER_DEADLINE}. */
  public static Duration answerDeadline(Duration interval) {
    return interval.compareTo(ANSWER_DEADLINE) < 0 ? interval : ANSWER_DEADLINE;
  }

  /**
   * Schedules the polls: the first after {@link #FIRST_POLL_DELAY}, then one every interval.
   *
   * @throws IllegalStateException if started twice or after close
   */
  public void start() {
    if (closed.get() || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("a poller starts once, before close");
    }
    task =
        scheduler.scheduleAtFixedRate(
            this::tick, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    log.info(
        "polling funding and open interest of {} coin(s) from {} every {}",
        coins.size(),
        source.name(),
        interval);
  }

  /** The scheduled task: a poll whose every failure is caught, so the schedule goes on. */
  private void tick() {
    try {
      pollNow();
    } catch (RuntimeException e) {
      log.error("market poll failed; the next one runs as scheduled", e);
    }
  }

  /**
   * Runs one poll now, unless one is still running (then it is skipped and counted). The future
   * completes, normally, once every coin's reading was handed on or left out.
   */
  public CompletableFuture<Void> pollNow() {
    if (closed.get()) {
      return CompletableFuture.completedFuture(null);
    }
    if (!running.compareAndSet(false, true)) {
      skipped.increment();
      throttle("skipped").warn(log, "market poll skipped: the previous one is still running");
      return CompletableFuture.completedFuture(null);
    }
    try {
      Instant at = clock.instant();
      List<CompletableFuture<Void>> perCoin = new ArrayList<>();
      for (Coin coin : coins) {
        perCoin.add(readOne(coin, at));
      }
      return CompletableFuture.allOf(perCoin.toArray(CompletableFuture[]::new))
          .whenComplete((done, t) -> running.set(false));
    } catch (RuntimeException e) {
      running.set(false);
      throw e;
    }
  }

  private CompletableFuture<Void> readOne(Coin coin, Instant at) {
    CompletableFuture<Collected> answer;
    try {
      answer = source.read(coin, at);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle(
        (collected, t) -> {
          if (t != null) {
            fail(
                new Collected.Miss(source.name(), "funding and open interest", "read failed: " + t),
                coin);
          } else {
            hand(coin, collected);
          }
          return null;
        });
  }

  private void hand(Coin coin, Collected collected) {
    collected.misses().forEach(miss -> fail(miss, coin));
    if (closed.get()) {
      return;
    }
    try {
      collected
          .reading()
          .ifPresent(
              reading -> {
                sink.accept(reading);
                readings.increment();
              });
    } catch (RuntimeException e) {
      log.error("the reading for {} could not be handed on", coin.symbol(), e);
    }
  }

  private void fail(Collected.Miss miss, Coin coin) {
    failures
        .computeIfAbsent(
            miss.source(),
            s ->
                Counter.builder("teleglas_market_poll_failures")
                    .description("Funding or open-interest figures a market poll could not read")
                    .tag("source", s)
                    .register(registry))
        .increment();
    throttle(miss.source())
        .warn(
            log,
            "market poll: no "
                + miss.figure()
                + " for "
                + coin.symbol()
                + " from "
                + miss.source()
                + " ("
                + miss.detail()
                + "); left out of this reading");
  }

  private LogThrottle throttle(String key) {
    return throttles.computeIfAbsent(key, k -> new LogThrottle(clock, LOG_PERIOD));
  }

  /**
   * Stops the schedule (and its own scheduler, if it made one); a running poll hands on nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }
}
