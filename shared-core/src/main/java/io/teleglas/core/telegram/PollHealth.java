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
      } else {
        failed(
            "HTTP "
                + response.code()
                + (response.code() == 409
                    ? " Conflict: another process is polling this bot token"
                    : ""));
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
