package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.teleglas.alertbot.http.DeliveryHealth;
import io.teleglas.alertbot.store.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The alert bot's Telegram delivery stage: one daemon thread that takes due entries from the {@link
 * Outbox} oldest first, keeps each chat's order, paces requests to Telegram's limits, retries what
 * can be retried and marks every entry delivered or failed (docs/delivery.md). Producers store a
 * message with {@link Outbox#add} and then call {@link #wake()}, which never blocks; between rounds
 * the thread parks until the next entry or rate-limit slot is due, a wake-up, or at most {@link
 * DeliverySettings#idlePoll()}. Before its first round the thread warms up the TelegramBots request
 * and answer code ({@link SendPathWarmUp}) and opens a connection to Telegram with a {@code getMe}
 * ({@link TelegramSender#connect()}), so the first alert pays for neither.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} to stop; the thread finishes the request in
 * flight (or is interrupted after a grace period) and exits. Thread-safe.
 */
public final class TelegramDelivery implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramDelivery.class);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private final TelegramSender sender;
  private final Dispatcher dispatcher;
  private final DeliveryStatus status;
  private final RetryPolicy retry;
  private final Duration idlePoll;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean running;
  private volatile BooleanSupplier allowed = () -> true;

  public TelegramDelivery(
      Outbox outbox,
      TelegramClient client,
      DeliverySettings settings,
      DeliveryListener listener,
      MeterRegistry registry,
      Clock clock,
      ThreadFactory threads) {
    requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.idlePoll = settings.idlePoll();
    this.status = new DeliveryStatus(outbox, clock, settings);
    this.retry = new RetryPolicy(settings.retryBase(), settings.retryCap(), new Random());
    Outcomes outcomes = new Outcomes(listener, new DeliveryMeters(registry), status);
    this.sender = new TelegramSender(client);
    this.dispatcher = new Dispatcher(outbox, sender, retry, settings, outcomes, clock);
    this.thread = threads.newThread(this::run);
    thread.setDaemon(true);
  }

  /**
   * Makes every round ask {@code allowed} first and deliver nothing while it is false: the fence of
   * high availability, so an instance that can no longer trust its leader lease stops sending
   * before another instance may start. Call before {@link #start()}.
   */
  public void deliverOnlyWhile(BooleanSupplier allowed) {
    this.allowed = requireNonNull(allowed, "allowed is null");
  }

  /** Starts the delivery thread. */
  public void start() {
    running = true;
    thread.start();
  }

  /** Tells the thread something was added to the outbox; returns at once. */
  public void wake() {
    LockSupport.unpark(thread);
  }

  /** Delivery's health for {@code /health} and metrics. */
  public DeliveryHealth health() {
    return status;
  }

  /** Stops the thread: waits for the request in flight, then interrupts it. Idempotent. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(CLOSE_GRACE.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(CLOSE_GRACE.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      log.warn("delivery thread still running {} after close", CLOSE_GRACE.multipliedBy(2));
    }
  }

  private void run() {
    SendPathWarmUp.run(clock);
    sender.connect();
    int outboxFailures = 0;
    while (running) {
      if (!allowed.getAsBoolean()) {
        park(clock.instant().plus(idlePoll));
        continue;
      }
      Instant next;
      try {
        next = dispatcher.runOnce();
        outboxFailures = 0;
      } catch (RuntimeException e) {
        log.warn("delivery round failed; trying again", e);
        status.failed(clock.instant(), "delivery round failed: " + e.getMessage());
        next = clock.instant().plus(retry.delay(outboxFailures++));
      }
      park(next);
    }
    log.info("delivery stopped");
  }

  private void park(Instant until) {
    Duration wait = Duration.between(clock.instant(), until);
    if (wait.compareTo(idlePoll) > 0) {
      wait = idlePoll;
    }
    if (running && !wait.isNegative() && !wait.isZero()) {
      LockSupport.parkNanos(this, TimeUnit.NANOSECONDS.convert(wait));
    }
  }
}
