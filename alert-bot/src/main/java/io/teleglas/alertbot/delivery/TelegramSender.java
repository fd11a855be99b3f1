package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.telegram.ChatId;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Makes one {@code sendMessage} or {@code editMessageText} request (HTML parse mode unless told to
 * send plain text, link previews off) and turns whatever happens, exceptions included, into a
 * {@link SendOutcome}. Stateless and thread-safe if the client is.
 */
final class TelegramSender {
  private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

  private static final List<String> EDIT_TARGET_GONE =
      List.of("message to edit not found", "message can't be edited");
  private static final List<String> CHAT_GONE =
      List.of(
          "chat not found",
          "need administrator rights",
          "not enough rights",
          "have no rights to send",
          "group chat was upgraded",
          "bot was kicked",
          "user is deactivated");

  private final TelegramClient client;

  TelegramSender(TelegramClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /**
   * Asks Telegram {@code getMe} and ignores the answer: opens the connection (TCP and TLS) the next
   * request reuses from the client's pool, so the first alert after start does not pay for the
   * handshake, and runs the request path once for real. Never throws; a failure is logged at debug
   * level, since the first send will find it out anyway.
   *
   * @return whether Telegram answered
   */
  boolean connect() {
    try {
      client.execute(new GetMe());
      return true;
    } catch (TelegramApiException | RuntimeException e) {
      log.debug("getMe before the first send failed: {}", e.toString());
      return false;
    }
  }

  SendOutcome send(ChatId chat, String text, boolean html) {
    SendMessage request =
        SendMessage.builder()
            .chatId(chat.value())
            .text(text)
            .parseMode(html ? ParseMode.HTML : null)
            .disableWebPagePreview(true)
            .build();
    try {
      return new SendOutcome.Accepted(client.execute(request).getMessageId());
    } catch (TelegramApiException | RuntimeException e) {
      return classify(e);
    }
  }

  SendOutcome edit(ChatId chat, int messageId, String text, boolean html) {
    EditMessageText request =
        EditMessageText.builder()
            .chatId(chat.value())
            .messageId(messageId)
            .text(text)
            .parseMode(html ? ParseMode.HTML : null)
            .disableWebPagePreview(true)
            .build();
    try {
      Serializable answer = client.execute(request);
      return new SendOutcome.Accepted(
          answer instanceof Message message ? message.getMessageId() : messageId);
    } catch (TelegramApiException | RuntimeException e) {
      return classify(e);
    }
  }

  static SendOutcome classify(Exception failure) {
    if (failure instanceof TelegramApiValidationException e) {
      return new SendOutcome.Rejected("refused before sending: " + e.getMessage());
    }
    if (!(failure instanceof TelegramApiRequestException e) || e.getErrorCode() == null) {
      if (failure instanceof RuntimeException) {
        log.warn("unexpected failure calling Telegram", failure);
      }
      return new SendOutcome.Transient(describe(failure));
    }
    int code = e.getErrorCode();
    String description = e.getApiResponse() == null ? "error " + code : e.getApiResponse();
    String lower = description.toLowerCase(Locale.ROOT);
    Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
    if (code == 429) {
      return retryAfter == null
          ? new SendOutcome.Transient("429 without retry_after: " + description)
          : new SendOutcome.RateLimited(Duration.ofSeconds(Math.max(1, retryAfter)), description);
    }
    if (code >= 500 || code == 401 || code == 404) {
      return new SendOutcome.Transient(code + " " + description);
    }
    if (code == 403
        || CHAT_GONE.stream().anyMatch(lower::contains)
        || (e.getParameters() != null && e.getParameters().getMigrateToChatId() != null)) {
      return new SendOutcome.ChatUnreachable(code + " " + description);
    }
    if (lower.contains("can't parse entities")) {
      return new SendOutcome.BadHtml(description);
    }
    if (lower.contains("message is not modified")) {
      return new SendOutcome.Unchanged();
    }
    if (EDIT_TARGET_GONE.stream().anyMatch(lower::contains)) {
      return new SendOutcome.EditTargetMissing(description);
    }
    return new SendOutcome.Rejected(code + " " + description);
  }

  private static String describe(Exception failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return cause.getClass().getSimpleName() + message;
  }
}
