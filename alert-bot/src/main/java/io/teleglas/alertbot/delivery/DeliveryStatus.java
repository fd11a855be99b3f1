package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.http.DeliveryHealth;
import io.teleglas.alertbot.store.Outbox;
import io.teleglas.alertbot.store.OutboxStats;
import io.teleglas.core.telegram.Formats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery as {@code /health} sees it. Stuck when attempts keep failing (Telegram unreachable, 5xx,
 * a wrong token, the outbox unreadable) and either the oldest waiting message is older than {@link
 * DeliverySettings#stuckAfter()} or nothing has answered for {@link DeliverySettings#failingFor()}.
 * A backlog alone is not stuck: it may be rate limits doing their job. The worker reports outcomes;
 * HTTP threads read. Thread-safe.
 */
final class DeliveryStatus implements DeliveryHealth {
  private static final Logger log = LoggerFactory.getLogger(DeliveryStatus.class);

  private final Outbox outbox;
  private final Clock clock;
  private final Duration stuckAfter;
  private final Duration failingFor;
  private Instant failingSince; // guarded by this; null while Telegram answers
  private String lastFailure = ""; // guarded by this
  private volatile int lastBacklog;

  DeliveryStatus(Outbox outbox, Clock clock, DeliverySettings settings) {
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.stuckAfter = settings.stuckAfter();
    this.failingFor = settings.failingFor();
  }

  /** Telegram answered (accepted or refused): it is reachable. */
  synchronized void answered() {
    if (failingSince != null) {
      log.info("Telegram delivery recovered after failing since {}", failingSince);
    }
    failingSince = null;
  }

  /** An attempt failed in a way that says nothing about the message (outage, 5xx, outbox error). */
  synchronized void failed(Instant at, String reason) {
    if (failingSince == null) {
      failingSince = at;
      log.warn("Telegram delivery failing: {}", reason);
    }
    lastFailure = reason;
  }

  @Override
  public boolean stuck() {
    return reason().isPresent();
  }

  @Override
  public Optional<String> reason() {
    Instant since;
    String last;
    synchronized (this) {
      since = failingSince;
      last = lastFailure;
    }
    if (since == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Duration failing = Duration.between(since, now);
    Optional<OutboxStats> stats = stats();
    Optional<Duration> oldest =
        stats.flatMap(OutboxStats::oldestPending).map(at -> Duration.between(at, now));
    boolean stale = oldest.map(age -> age.compareTo(stuckAfter) >= 0).orElse(false);
    if (!stale && failing.compareTo(failingFor) < 0 && stats.isPresent()) {
      return Optional.empty();
    }
    String backlog =
        stats.isEmpty()
            ? "the outbox cannot be read"
            : stats.get().pending()
                + " waiting"
                + oldest.map(age -> ", oldest " + Formats.duration(age.abs())).orElse("");
    return Optional.of(
        "Telegram delivery failing for "
            + Formats.duration(failing.abs())
            + " (last: "
            + last
            + "); "
            + backlog);
  }

  @Override
  public int backlog() {
    stats().ifPresent(s -> lastBacklog = (int) Math.min(Integer.MAX_VALUE, s.pending()));
    return lastBacklog;
  }

  @Override
  public Optional<Duration> oldestPendingAge() {
    Instant now = clock.instant();
    return stats().flatMap(OutboxStats::oldestPending).map(at -> Duration.between(at, now));
  }

  private Optional<OutboxStats> stats() {
    try {
      return Optional.of(outbox.stats());
    } catch (RuntimeException e) {
      log.warn("cannot read outbox stats", e);
      return Optional.empty();
    }
  }
}
