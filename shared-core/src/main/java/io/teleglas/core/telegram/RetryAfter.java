package io.teleglas.core.telegram;

import io.micrometer.core.instrument.Counter;
import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * A chat reply that honours Telegram's 429 {@code retry_after}: waits as long as Telegram asks (up
 * to {@link #MAX_RETRY_AFTER_SECONDS}) and tries again, at most {@link #MAX_ATTEMPTS} times in all.
 * Any other failure, or a wait longer than that, is the caller's. For replies to a user, where the
 * caller's thread may wait; the alert bot's durable delivery has its own scheduling instead.
 */
public final class RetryAfter {
  private static final Logger log = LoggerFactory.getLogger(RetryAfter.class);

  /** Tries in all, the first included. */
  public static final int MAX_ATTEMPTS = 4;

  /** The longest {@code retry_after} waited for; a longer one fails at once. */
  public static final int MAX_RETRY_AFTER_SECONDS = 30;

  private RetryAfter() {}

  /**
   * Executes {@code request}, waiting out 429s as described above.
   *
   * @param rateLimited counted once per 429 waited for
   */
  public static <T extends Serializable> void execute(
      TelegramClient client, BotApiMethod<T> request, Counter rateLimited)
      throws TelegramApiException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        client.execute(request);
        return;
      } catch (TelegramApiRequestException e) {
        Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        if (e.getErrorCode() == null
            || e.getErrorCode() != 429
            || retryAfter == null
            || attempt >= MAX_ATTEMPTS
            || retryAfter > MAX_RETRY_AFTER_SECONDS) {
          throw e;
        }
        rateLimited.increment();
        log.info("Telegram asked to wait {} s before {}", retryAfter, request.getMethod());
        Thread.sleep(retryAfter * 1000L);
      }
    }
  }
}
