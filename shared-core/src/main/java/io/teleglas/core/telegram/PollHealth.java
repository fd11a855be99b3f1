package io.teleglas.core.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Watches the long-poll requests to Telegram (as an OkHttp interceptor on the polling client) so
 * health checks report what really happens: when {@code getUpdates} last succeeded, the last
 * failure and how many in a row. TelegramBots itself only logs poll failures. Thread-safe.
 */
public final class PollHealth implements Interceptor {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PollHealth.class);

  /** What the poller has seen. */
  public record Snapshot(
      Optional<Instant> lastSuccess,
      Optional<Instant> lastFailure,
      Optional<String> lastError,
      int consecutiveFailures) {}

  private final Clock clock;
  private Instant inFlightSince;
  private Instant lastSuccess;
  private Instant lastFailure;
  private String lastError;
  private int consecutiveFailures;
  private long conflicts;

  public PollHealth(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    boolean poll =
        chain
            .request()
            .url()
            .encodedPath()
            .toLowerCase(java.util.Locale.ROOT)
            .endsWith("/getupdates");
    if (!poll) {
      return chain.proceed(chain.request());
    }
    started();
    try {
      Response response = chain.proceed(chain.request());
      if (response.isSuccessful()) {
        succeeded();
      } else if (response.code() == 409) {
        conflict();
      } else {
        failed("HTTP " + response.code());
      }
      return response;
    } catch (IOException e) {
      failed(e.getClass().getSimpleName());
      throw e;
    }
  }

  private synchronized void started() {
    inFlightSince = clock.instant();
  }

  private synchronized void succeeded() {
    inFlightSince = null;
    lastSuccess = clock.instant();
    consecutiveFailures = 0;
    conflicts = 0;
  }

  /**
   * TelegramBots only backs off on 409, so say plainly what it means: logged at the first conflict
   * and then at the 2nd, 4th, 8th... in a row, so a long conflict stays visible without flooding.
   */
  private void conflict() {
    long n;
    synchronized (this) {
      failed("HTTP 409 Conflict: another process is polling this bot token");
      n = ++conflicts;
    }
    if (Long.bitCount(n) == 1) {
      log.error(
          "Telegram answered 409 Conflict ({} in a row): another process is polling this bot's"
              + " token, so updates are split between the two. Run exactly one instance per token:"
              + " look for a second copy on this machine (systemctl status, ps aux | grep jar) or on"
              + " another one, or an old deployment; docs/operations.md has the steps.",
          n);
    }
  }

  private synchronized void failed(String error) {
    inFlightSince = null;
    lastFailure = clock.instant();
    lastError = error;
    consecutiveFailures++;
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(
        Optional.ofNullable(lastSuccess),
        Optional.ofNullable(lastFailure),
        Optional.ofNullable(lastError),
        consecutiveFailures);
  }

  /**
   * True when the last poll did not fail and one either succeeded within {@code maxAge} or has been
   * waiting (a held long poll) for less than {@code maxAge}.
   */
  public synchronized boolean healthy(Duration maxAge) {
    Instant oldest = clock.instant().minus(maxAge);
    boolean recent =
        (lastSuccess != null && !lastSuccess.isBefore(oldest))
            || (inFlightSince != null && !inFlightSince.isBefore(oldest));
    return consecutiveFailures == 0 && recent;
  }
}
