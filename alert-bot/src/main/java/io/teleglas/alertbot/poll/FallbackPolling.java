package io.teleglas.alertbot.poll;

import io.teleglas.alertbot.source.LiquidationFallback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST polling while every liquidation stream is down. The source manager calls {@link
 * #ensureRunning} when the last liquidation stream goes down and {@link #ensureStopped} when one is
 * back; both may be called repeatedly and log only the change. Owns its pollers: {@link #close}
 * stops them. Thread-safe.
 */
public final class FallbackPolling implements LiquidationFallback, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FallbackPolling.class);

  /**
   * The fallback and its pollers now.
   *
   * @param running whether polling was asked for (pollers refused for good do not poll even then)
   * @param reason why polling was asked for, while running
   * @param since when polling was asked for, while running
   * @param polls polls answered by all pollers since start
   * @param errors failed requests of all pollers since start
   * @param emitted events all pollers handed on since start
   * @param lastPoll the latest poll answered by any poller
   * @param pollers each poller's own snapshot
   */
  public record Snapshot(
      boolean running,
      Optional<String> reason,
      Optional<Instant> since,
      long polls,
      long errors,
      long emitted,
      Optional<Instant> lastPoll,
      List<PollerSnapshot> pollers) {}

  private final List<Poller> pollers;
  private final Clock clock;
  private String reason;
  private Instant since;

  /**
   * @param pollers every poller configured, possibly none (no CoinGlass key and OKX off)
   */
  public FallbackPolling(List<Poller> pollers, Clock clock) {
    this.pollers = List.copyOf(pollers);
    this.clock = Objects.requireNonNull(clock, "clock is null");
  }

  /** Starts every poller unless polling already; {@code reason} is logged and shown on health. */
  @Override
  public synchronized void ensureRunning(String reason) {
    Objects.requireNonNull(reason, "reason is null");
    if (since != null) {
      return;
    }
    this.reason = reason;
    this.since = clock.instant();
    if (pollers.isEmpty()) {
      log.warn("no liquidation stream is up ({}) and no REST polling is configured", reason);
      return;
    }
    log.info("no liquidation stream is up ({}): polling {}", reason, names());
    pollers.forEach(Poller::start);
  }

  /** Stops every poller if polling. */
  @Override
  public synchronized void ensureStopped() {
    if (since == null) {
      return;
    }
    pollers.forEach(Poller::stop);
    log.info(
        "a liquidation stream is back: REST polling stopped after {} s",
        Duration.between(since, clock.instant()).toSeconds());
    reason = null;
    since = null;
  }

  public Snapshot snapshot() {
    boolean running;
    Optional<String> why;
    Optional<Instant> from;
    synchronized (this) {
      running = since != null;
      why = Optional.ofNullable(reason);
      from = Optional.ofNullable(since);
    }
    List<PollerSnapshot> each = pollers.stream().map(Poller::snapshot).toList();
    return new Snapshot(
        running,
        why,
        from,
        each.stream().mapToLong(PollerSnapshot::polls).sum(),
        each.stream().mapToLong(PollerSnapshot::errors).sum(),
        each.stream().mapToLong(PollerSnapshot::emitted).sum(),
        each.stream()
            .map(PollerSnapshot::lastPoll)
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder()),
        each);
  }

  /** Stops polling; for the shutdown sequence. */
  @Override
  public void close() {
    ensureStopped();
  }

  private String names() {
    return pollers.stream().map(Poller::name).collect(Collectors.joining(", "));
  }
}
