package io.teleglas.alertbot.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.telegram.ChatId;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Pays, once and before the first alert needs it, the one-time cost of the TelegramBots request and
 * answer code: building and validating a {@code sendMessage} and an {@code editMessageText},
 * writing them as JSON, and reading a sent message, an edit's {@code true} and a {@code 429} back
 * into their objects and a {@link SendOutcome}. Nothing is sent: the answers are canned.
 *
 * <p>Why: the first answer of a process builds Jackson's deserializers for Telegram's {@code
 * Message} and everything it references, which measured 0.9 s with {@code -Xmx64m} on the 2-core
 * bench machine (docs/performance.md). Paid inside the first send, it held the delivery thread
 * after the first alert reached Telegram, so the next alert waited behind it.
 *
 * <p>Stateless; thread-safe. Any failure is logged and ignored: a cold first send is only slower.
 */
final class SendPathWarmUp {
  private static final Logger log = LoggerFactory.getLogger(SendPathWarmUp.class);

  /** A channel post as Telegram answers {@code sendMessage} and {@code editMessageText}. */
  static final String MESSAGE_ANSWER =
      """
      {"ok":true,"result":{"message_id":1,"date":1700000000,\
      "sender_chat":{"id":-1001000000000,"type":"channel","title":"warm-up"},\
      "chat":{"id":-1001000000000,"type":"channel","title":"warm-up"},\
      "text":"warm-up","entities":[{"type":"bold","offset":0,"length":4}]}}\
      """;

  /** An edit of an inline message answers {@code true}. */
  static final String TRUE_ANSWER = "{\"ok\":true,\"result\":true}";

  /** Flood control, as in reference/java-stack.md §3. */
  static final String RATE_LIMITED_ANSWER =
      """
      {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1",\
      "parameters":{"retry_after":1}}\
      """;

  private static final ChatId CHAT = new ChatId("-1001000000000");

  private SendPathWarmUp() {}

  /**
   * Runs the request and answer code once.
   *
   * @return true if every step worked as Telegram's answers require (for tests and the log)
   */
  static boolean run(Clock clock) {
    Instant start = clock.instant();
    try {
      ObjectMapper json = new ObjectMapper();
      SendMessage send =
          SendMessage.builder()
              .chatId(CHAT.value())
              .text("<b>warm</b>-up")
              .parseMode(ParseMode.HTML)
              .disableWebPagePreview(true)
              .build();
      EditMessageText edit =
          EditMessageText.builder()
              .chatId(CHAT.value())
              .messageId(1)
              .text("<b>warm</b>-up")
              .parseMode(ParseMode.HTML)
              .disableWebPagePreview(true)
              .build();
      boolean ok =
          written(json, send)
              && written(json, edit)
              && send.deserializeResponse(MESSAGE_ANSWER).getMessageId() == 1
              && edit.deserializeResponse(MESSAGE_ANSWER) != null
              && Boolean.TRUE.equals(edit.deserializeResponse(TRUE_ANSWER))
              && rateLimited(send);
      log.debug(
          "send path warmed up in {} ms (ok: {})",
          Duration.between(start, clock.instant()).toMillis(),
          ok);
      return ok;
    } catch (TelegramApiException | JsonProcessingException | RuntimeException e) {
      log.warn("warming up the send path failed; the first send will be slower: {}", e.toString());
      return false;
    }
  }

  private static boolean written(ObjectMapper json, BotApiMethod<? extends Serializable> method)
      throws TelegramApiException, JsonProcessingException {
    method.validate();
    return json.writeValueAsString(method).contains("warm");
  }

  private static boolean rateLimited(SendMessage send) {
    try {
      send.deserializeResponse(RATE_LIMITED_ANSWER);
      return false;
    } catch (TelegramApiException e) {
      return TelegramSender.classify(e) instanceof SendOutcome.RateLimited;
    }
  }
}
