package io.teleglas.core.telegram;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.config.Secret;
import io.teleglas.core.lifecycle.DaemonThreads;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * A TelegramBots long-polling session whose threads never outlive it: the poller runs on a daemon
 * executor we own and shut down (TelegramBots 10.2 never shuts its poller down, which keeps the JVM
 * alive), and updates are handled on a bounded pool of daemon threads, concurrently, so one slow
 * chat never holds up another. When the pool's queue is full the poller waits (back-pressure)
 * rather than dropping updates Telegram already considers delivered.
 *
 * <p>Lifecycle: construct, {@link #start()} once, {@link #close()} once. Thread-safe.
 */
public final class LongPollingBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LongPollingBot.class);

  private final Secret token;
  private final TelegramUrl url;
  private final UpdateHandler handler;
  private final ScheduledExecutorService poller;
  private final ThreadPoolExecutor workers;
  private final TelegramBotsLongPollingApplication application;
  private final PollHealth pollHealth;
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /**
   * @param http the process's one OkHttp client; the poller derives a variant with a read timeout
   *     longer than the 50 s long poll
   * @param workerThreads how many updates may be handled at once
   */
  public LongPollingBot(
      Secret token,
      URI apiUrl,
      OkHttpClient http,
      ObjectMapper mapper,
      UpdateHandler handler,
      int workerThreads) {
    this.token = requireNonNull(token, "token is null");
    this.url = telegramUrl(requireNonNull(apiUrl, "apiUrl is null"));
    this.handler = requireNonNull(handler, "handler is null");
    this.pollHealth = new PollHealth(java.time.Clock.systemUTC());
    OkHttpClient pollingClient =
        http.newBuilder().readTimeout(75, TimeUnit.SECONDS).addInterceptor(pollHealth).build();
    this.poller = new ScheduledThreadPoolExecutor(1, new DaemonThreads("tg-poller"));
    this.workers =
        new ThreadPoolExecutor(
            workerThreads,
            workerThreads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000),
            new DaemonThreads("tg-update"),
            LongPollingBot::waitForRoom);
    this.workers.allowCoreThreadTimeOut(true);
    this.application =
        new TelegramBotsLongPollingApplication(() -> mapper, () -> pollingClient, () -> poller);
  }

  /** The TelegramBots URL for a configured {@code scheme://host[:port]} base. */
  public static TelegramUrl telegramUrl(URI apiUrl) {
    String scheme = apiUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
    int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : scheme.equals("https") ? 443 : 80;
    return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
  }

  /**
   * Deletes any webhook and starts polling; throws if Telegram cannot be reached or rejects the
   * token.
   */
  public void start() throws TelegramApiException {
    application.registerBot(
        token.reveal(), () -> url, new DefaultGetUpdatesGenerator(), new Consumer());
    log.info("polling Telegram at {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
  }

  /** What the long poll has seen, for health checks. */
  public PollHealth pollHealth() {
    return pollHealth;
  }

  /** Updates handled so far, and those whose handler threw. */
  public long handledCount() {
    return handled.get();
  }

  public long failedCount() {
    return failed.get();
  }

  @Override
  public void close() {
    try {
      application.close();
    } catch (Exception e) {
      log.warn("closing the Telegram poller failed: {}", e.toString());
    }
    poller.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(3, TimeUnit.SECONDS)) {
        log.warn("{} update(s) still being handled at shutdown", workers.getActiveCount());
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }

  private final class Consumer implements LongPollingUpdateConsumer {
    @Override
    public void consume(List<Update> updates) {
      for (Update update : updates) {
        workers.execute(() -> handleSafely(update));
      }
    }
  }

  private void handleSafely(Update update) {
    try {
      handler.handle(update);
      handled.incrementAndGet();
    } catch (Exception e) {
      failed.incrementAndGet();
      log.error("update {} failed", update.getUpdateId(), e);
    }
  }

  private static void waitForRoom(Runnable task, ThreadPoolExecutor executor) {
    if (executor.isShutdown()) {
      throw new RejectedExecutionException("bot is stopping");
    }
    try {
      executor.getQueue().put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RejectedExecutionException("interrupted while waiting for room", e);
    }
  }
}
