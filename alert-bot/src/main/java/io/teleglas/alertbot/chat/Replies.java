package io.teleglas.alertbot.chat;

import io.micrometer.core.instrument.MeterRegistry;
import io.teleglas.alertbot.store.Subscriptions;
import io.teleglas.core.telegram.MessageSplitter;
import io.teleglas.core.telegram.RetryAfter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends chat replies as HTML, split at 4096 characters, waiting out Telegram's {@code 429
 * retry_after} ({@link RetryAfter}). A 403 means the user blocked the bot or deleted the chat: the
 * user is deactivated, so no direct messages are queued for them until they write again. Other
 * failures are counted and logged; nothing is thrown. Thread-safe.
 */
final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private final TelegramClient client;
  private final Subscriptions subscriptions;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final MessageSplitter splitter = new MessageSplitter();

  Replies(TelegramClient client, Subscriptions subscriptions, Clock clock, MeterRegistry metrics) {
    this.client = client;
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.metrics = metrics;
  }

  TelegramClient client() {
    return client;
  }

  void send(long chatId, String html) {
    try {
      for (String part : splitter.split(html)) {
        execute(
            SendMessage.builder()
                .chatId(chatId)
                .text(part)
                .parseMode(ParseMode.HTML)
                .disableWebPagePreview(true)
                .build());
      }
    } catch (TelegramApiRequestException e) {
      if (e.getErrorCode() != null && e.getErrorCode() == 403) {
        blocked(chatId, e);
      } else {
        failed(chatId, e);
      }
    } catch (TelegramApiException e) {
      failed(chatId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.info("reply to chat {} abandoned: shutting down", chatId);
    }
  }

  private void blocked(long chatId, TelegramApiRequestException e) {
    metrics.counter("teleglas_alert_chat_blocked_total").increment();
    String reason = e.getApiResponse() == null ? "403 Forbidden" : e.getApiResponse();
    log.info("chat {} refused our reply ({}): deactivating it", chatId, reason);
    try {
      subscriptions.deactivate(chatId, reason, clock.instant());
    } catch (RuntimeException storeFailure) {
      metrics.counter("teleglas_alert_chat_store_failures_total").increment();
      log.warn("could not deactivate chat {}: {}", chatId, storeFailure.toString());
    }
  }

  private void failed(long chatId, TelegramApiException e) {
    metrics.counter("teleglas_alert_chat_send_failures_total").increment();
    log.warn("reply to chat {} failed: {}", chatId, e.getMessage());
  }

  private void execute(SendMessage request) throws TelegramApiException, InterruptedException {
    RetryAfter.execute(client, request, metrics.counter("teleglas_telegram_429_total"));
  }
}
