package io.teleglas.core.testing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code sendMessage} call that {@link FakeTelegramApi} accepted, i.e. a message the chat would
 * show.
 *
 * @param token the token of the bot that sent it
 * @param chatId {@code chat_id} as text: a number such as {@code "42"} or {@code "-1001234567890"},
 *     or {@code "@channelname"}
 * @param text the text exactly as sent, markup included
 * @param parseMode {@code parse_mode} as sent (TelegramBots sends {@code "html"}), or null
 * @param replyMarkup the {@code reply_markup} object, or null
 * @param messageId the {@code message_id} the fake assigned
 * @param params every parameter of the call, for anything not listed above
 */
public record SentMessage(
    String token,
    String chatId,
    String text,
    String parseMode,
    JsonNode replyMarkup,
    int messageId,
    JsonNode params) {

  static SentMessage of(RecordedCall call) {
    JsonNode markup = call.params().get("reply_markup");
    return new SentMessage(
        call.token(),
        call.param("chat_id"),
        call.param("text"),
        call.param("parse_mode"),
        markup == null || markup.isNull() ? null : markup,
        call.response().path("result").path("message_id").asInt(),
        call.params());
  }

  /**
   * {@link #chatId()} as a number; throws {@link NumberFormatException} for an
   * {@code @channelname}.
   */
  public long numericChatId() {
    return Long.parseLong(chatId);
  }
}
