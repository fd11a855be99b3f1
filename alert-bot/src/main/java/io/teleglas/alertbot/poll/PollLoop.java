package io.teleglas.alertbot.poll;

import io.teleglas.alertbot.stream.EventDeduplicator;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.upstream.Fetched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule every poller shares, and what it does with the answers: events not too old and not
 * seen before go to the sink, oldest first; failures and plan refusals go to its {@link
 * PollRecord}. One schedule at most, however often {@link #start} and {@link #stop} are called; at
 * most one poll in flight, a tick that finds one still unanswered is skipped. Answers arrive on
 * HTTP threads and are handled under this object's lock, which {@link #stop} takes too, so nothing
 * is requested or emitted after {@code stop} returns.
 */
final class PollLoop {
  /** The requests of one poll; the future completes when every one is answered. */
  @FunctionalInterface
  interface Round {
    CompletableFuture<List<Fetched<List<MarketEvent>>>> fetch();
  }

  /**
   * Older events are not emitted: they cannot be told apart from events seen and forgotten by
   * {@link EventDeduplicator#standard}, whose window this is, and are no news to alert on.
   */
  static final Duration MAX_EVENT_AGE = Duration.ofMinutes(10);

  /** A poll unanswered this long is counted as failed and the next tick polls again. */
  static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(Poller.class);

  private final String name;
  private final String source;
  private final Duration interval;
  private final PollContext context;
  private final Round round;
  private final PollRecord record;

  private ScheduledFuture<?> schedule;
  private long lastRound;
  private long inFlight;
  private Instant inFlightSince;

  /**
   * @param source the name events are offered under, e.g. {@code okx}
   */
  PollLoop(String name, String source, Duration interval, PollContext context, Round round) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.source = Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(interval, "interval is null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be > 0, got " + interval);
    }
    this.interval = interval;
    this.context = Objects.requireNonNull(context, "context is null");
    this.round = Objects.requireNonNull(round, "round is null");
    this.record = new PollRecord(name, context.clock());
  }

  /** Every call's answer, in order; a call that failed outright is an error result, not lost. */
  static CompletableFuture<List<Fetched<List<MarketEvent>>>> all(
      List<CompletableFuture<Fetched<List<MarketEvent>>>> calls) {
    return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .thenApply(done -> calls.stream().map(CompletableFuture::join).toList());
  }

  /** The same answer typed as events. */
  static Fetched<List<MarketEvent>> events(Fetched<? extends List<? extends MarketEvent>> f) {
    return f.map(list -> List.<MarketEvent>copyOf(list));
  }

  String name() {
    return name;
  }

  synchronized void start() {
    if (record.isRefused()) {
      log.debug("not polling {}: {}", name, record.lastFailure().orElse(""));
      return;
    }
    if (schedule != null) {
      return;
    }
    try {
      schedule =
          context
              .scheduler()
              .scheduleAtFixedRate(this::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      log.warn("cannot poll {}: the scheduler is shut down", name);
      return;
    }
    record.started(interval);
  }

  synchronized void stop() {
    if (schedule == null) {
      return;
    }
    cancel();
    record.stopped();
  }

  synchronized PollerSnapshot snapshot() {
    return record.snapshot();
  }

  private synchronized void tick() {
    try {
      if (schedule == null) {
        return;
      }
      Instant now = context.clock().instant();
      if (inFlight != 0) {
        if (now.isBefore(inFlightSince.plus(GIVE_UP_AFTER))) {
          return;
        }
        record.failed(1, "no answer within " + PollRecord.shown(GIVE_UP_AFTER));
      }
      long id = ++lastRound;
      inFlight = id;
      inFlightSince = now;
      CompletableFuture<List<Fetched<List<MarketEvent>>>> answer;
      try {
        answer = round.fetch();
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      answer.whenComplete((results, failure) -> finish(id, results, failure));
    } catch (RuntimeException e) {
      // An exception escaping a periodic task would silently end the schedule.
      log.error("polling {} failed unexpectedly", name, e);
    }
  }

  private synchronized void finish(
      long id, List<Fetched<List<MarketEvent>>> results, Throwable failure) {
    if (id != inFlight) {
      return;
    }
    inFlight = 0;
    record.answered(context.clock().instant());
    if (failure != null) {
      record.failed(1, "unexpected error: " + failure, failure);
      return;
    }
    List<MarketEvent> events = new ArrayList<>();
    List<Fetched.Unavailable<?>> refusals = new ArrayList<>();
    for (Fetched<List<MarketEvent>> result : results) {
      if (result instanceof Fetched.Value<List<MarketEvent>> v) {
        events.addAll(v.value());
      } else {
        refusals.add((Fetched.Unavailable<?>) result);
      }
    }
    emit(events);
    Optional<Fetched.Unavailable<?>> plan =
        refusals.stream().filter(u -> u.reason() == Fetched.Reason.PLAN).findFirst();
    if (plan.isPresent()) {
      cancel();
      record.refused(plan.get());
    } else if (!refusals.isEmpty()) {
      record.failed(refusals.size(), refusals.get(0).detail());
    } else {
      record.succeeded();
    }
  }

  private void emit(List<MarketEvent> events) {
    Instant oldest = context.clock().instant().minus(MAX_EVENT_AGE);
    EventDeduplicator seen = context.deduplicator();
    events.stream()
        .filter(e -> e.time().isAfter(oldest))
        .sorted(Comparator.comparing(MarketEvent::time))
        .filter(e -> seen.check(e) == EventDeduplicator.Verdict.NEW)
        .forEach(
            e -> {
              if (context.sink().offer(source, e)) {
                record.emitted();
              }
            });
  }

  private void cancel() {
    if (schedule != null) {
      schedule.cancel(false);
      schedule = null;
    }
    inFlight = 0;
  }
}
