package io.teleglas.alertbot.source;

import io.teleglas.alertbot.stream.EventDeduplicator;
import io.teleglas.alertbot.stream.EventSink;
import io.teleglas.alertbot.stream.RotatingStream;
import io.teleglas.alertbot.stream.SessionListener;
import io.teleglas.alertbot.stream.SessionSnapshot;
import io.teleglas.alertbot.stream.SessionState;
import io.teleglas.alertbot.stream.StreamContext;
import io.teleglas.alertbot.stream.StreamSession;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every configured source and decides what reaches the engine.
 *
 * <p>Exchange streams each cover their own exchange, and Binance's is a sampled snapshot (at most
 * one liquidation per symbol per second), so exchange sources run side by side. An aggregator
 * (CoinGlass) relays every exchange's liquidations: while it is the active source the exchanges'
 * liquidation events are kept flowing (so a failover is instant) but not passed on; when it is
 * disconnected or stale, they are. Trades always come from the exchanges. The same liquidation seen
 * through two sources around a switch reaches the engine once ({@link LiquidationMatcher}), and
 * replays after a reconnect are dropped by the deduplicator.
 *
 * <p>The active source is the highest-priority healthy one; a higher-priority source that recovers
 * takes over again only after it has stayed healthy for {@code switchBack} (hysteresis). State is
 * re-evaluated every second on the shared scheduler. Thread-safe.
 */
public final class SourceManager implements SourcesView, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SourceManager.class);

  private final StreamContext context;
  private final Clock clock;
  private final Duration switchBack;
  private final SourceNotices notices;
  private final EventSink engine;
  private final LiquidationFallback fallback;
  private final Map<String, SourcePlan> plans = new LinkedHashMap<>();
  private final Map<String, RotatingStream> streams = new LinkedHashMap<>();
  private final Map<String, Instant> healthySince = new LinkedHashMap<>();
  private final LiquidationMatcher matcher = new LiquidationMatcher();
  private final AtomicReference<String> active = new AtomicReference<>();
  private final AtomicLong updates = new AtomicLong();
  private final AtomicReference<Instant> lastUpdate = new AtomicReference<>();
  private Instant lastHealthy;
  private ScheduledFuture<?> evaluation;

  public SourceManager(
      StreamContext context,
      List<SourcePlan> plans,
      EventSink engine,
      Duration switchBack,
      SourceNotices notices,
      LiquidationFallback fallback) {
    this.context = context;
    this.fallback = fallback;
    this.clock = context.clock();
    this.engine = engine;
    this.switchBack = switchBack;
    this.notices = notices;
    EventDeduplicator replays = EventDeduplicator.standard(clock);
    for (SourcePlan plan : plans) {
      this.plans.put(plan.source(), plan);
      streams.put(
          plan.source(),
          new RotatingStream(
              context,
              plan.protocol(),
              plan.base(),
              plan.topics(),
              (source, event) -> gate(source, event),
              replays,
              new Listener(plan.source())));
    }
  }

  /** Opens every source's sockets and starts the health evaluation. */
  public synchronized void start() {
    lastHealthy = clock.instant();
    streams.values().forEach(RotatingStream::start);
    evaluation = context.scheduler().scheduleWithFixedDelay(this::evaluate, 1, 1, TimeUnit.SECONDS);
    context.scheduler().schedule(this::logSummary, 15, TimeUnit.SECONDS);
    log.info(
        "sources starting: {}",
        plans.values().stream().map(p -> p.source() + " " + p.topics()).toList());
  }

  private boolean gate(String source, MarketEvent event) {
    if (event instanceof Liquidation l) {
      String current = active.get();
      boolean aggregatorActive = current != null && plans.get(current).aggregator();
      boolean fromAggregator = plans.get(source).aggregator();
      if (aggregatorActive != fromAggregator && current != null) {
        return true; // kept warm, not passed on: the active source covers it
      }
      synchronized (matcher) {
        if (matcher.seenElsewhere(source, l)) {
          return true;
        }
      }
    }
    updates.incrementAndGet();
    lastUpdate.set(clock.instant());
    return engine.offer(source, event);
  }

  synchronized void evaluate() {
    Instant now = clock.instant();
    String best = null;
    String firstHealthy = null;
    for (Map.Entry<String, RotatingStream> e : streams.entrySet()) {
      String source = e.getKey();
      if (!healthy(e.getValue().snapshot())) {
        healthySince.remove(source);
        continue;
      }
      healthySince.putIfAbsent(source, now);
      if (firstHealthy == null) {
        firstHealthy = source;
      }
      boolean settled = !healthySince.get(source).plus(switchBack).isAfter(now);
      if (best == null && (settled || source.equals(active.get()) || active.get() == null)) {
        best = source;
      }
    }
    String chosen = best != null ? best : firstHealthy;
    if (chosen == null) {
      fallback.ensureRunning("no source is healthy");
    } else {
      fallback.ensureStopped();
    }
    String previous = active.getAndSet(chosen);
    if (chosen != null && lastHealthy != null) {
      Duration gap = Duration.between(lastHealthy, now);
      if (previous == null && gap.compareTo(Duration.ofSeconds(60)) > 0) {
        notices.dataGap(gap);
      }
      lastHealthy = now;
    }
    if (!java.util.Objects.equals(previous, chosen)) {
      log.info(
          "active source: {} -> {}",
          previous == null ? "none" : previous,
          chosen == null ? "none" : chosen);
      notices.switched(Optional.ofNullable(previous), Optional.ofNullable(chosen));
    }
  }

  /** One line per source shortly after start, so an operator sees at a glance what came up. */
  private void logSummary() {
    for (SourceStatus s : sources()) {
      log.info(
          "source {}: {}, {} messages, {} errors, {} reconnects{}",
          s.source(),
          s.state(),
          s.messagesReceived(),
          s.errors(),
          s.reconnects(),
          s.source().equals(active.get()) ? " (active)" : "");
    }
    if (active.get() == null) {
      log.warn("no source is healthy 15 s after start: check the URLs and the network");
    }
  }

  private static boolean healthy(SessionSnapshot s) {
    return s.state() == SessionState.LIVE;
  }

  @Override
  public List<SourceStatus> sources() {
    List<SourceStatus> out = new ArrayList<>();
    streams.forEach(
        (source, stream) -> {
          SessionSnapshot s = stream.snapshot();
          boolean connected =
              s.state() == SessionState.LIVE || s.state() == SessionState.SUBSCRIBING;
          SessionSnapshot.Counts c = s.counts();
          out.add(
              new SourceStatus(
                  source,
                  connected,
                  healthy(s),
                  s.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                  s.averageLatency(),
                  s.lastMessageAt(),
                  c.messages(),
                  c.invalidFrames() + c.rejectedSubscriptions(),
                  c.reconnects()));
        });
    return out;
  }

  @Override
  public Optional<String> activeSource() {
    return Optional.ofNullable(active.get());
  }

  @Override
  public long updateCount() {
    return updates.get();
  }

  @Override
  public Optional<Instant> lastUpdate() {
    return Optional.ofNullable(lastUpdate.get());
  }

  @Override
  public synchronized void close() {
    if (evaluation != null) {
      evaluation.cancel(false);
    }
    streams.values().forEach(RotatingStream::close);
  }

  /** A change of connection state is reflected at once, not at the next periodic check. */
  private void reevaluateSoon() {
    try {
      context.scheduler().execute(this::evaluate);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("not re-evaluating: scheduler stopped");
    }
  }

  private final class Listener implements SessionListener {
    private final String source;

    Listener(String source) {
      this.source = source;
    }

    @Override
    public void onConnected(StreamSession session, int failedAttempts) {
      notices.connected(source);
      reevaluateSoon();
    }

    @Override
    public void onDisconnected(StreamSession session, String reason, Duration retryIn) {
      notices.disconnected(source, reason);
      reevaluateSoon();
    }

    @Override
    public void onStale(StreamSession session, Duration silentFor) {
      notices.disconnected(source, "silent for " + silentFor.toSeconds() + " s");
      reevaluateSoon();
    }

    @Override
    public void onError(StreamSession session, String problem) {
      notices.error(source, problem);
    }
  }
}
