package io.teleglas.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teleglas.core.testing.ChatMessages.Stored;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code sendMessage}, {@code editMessageText}, {@code editMessageReplyMarkup} and {@code
 * deleteMessage} with Telegram's checks: empty or over-long text, HTML that does not parse, edits
 * of missing messages and edits that change nothing are answered with the 400 descriptions Telegram
 * uses.
 */
final class MessageMethods {

  static final int MAX_TEXT = 4096;
  private static final String NOT_MODIFIED =
      "Bad Request: message is not modified: specified new message content"
          + " and reply markup are exactly the same as a current content and reply markup of the message";

  private final Updates updates;
  private final ChatMessages messages;
  private final boolean strictHtml;

  MessageMethods(Updates updates, ChatMessages messages, boolean strictHtml) {
    this.updates = updates;
    this.messages = messages;
    this.strictHtml = strictHtml;
  }

  BotApiReply send(FakeBot bot, JsonNode params) {
    String chatId = text(params, "chat_id");
    if (chatId == null || chatId.isBlank()) {
      return BotApiReply.error(400, "Bad Request: chat_id is empty");
    }
    String text = text(params, "text");
    Rendered rendered = render(text, text(params, "parse_mode"));
    if (rendered.error != null) {
      return rendered.error;
    }
    JsonNode markup = markup(params);
    int id = updates.nextMessageId();
    Stored sent = new Stored(chatId, id, text, rendered.text, markup, true);
    messages.put(sent);
    return BotApiReply.ok(message(bot, sent));
  }

  BotApiReply editText(FakeBot bot, JsonNode params) {
    if (params.hasNonNull("inline_message_id")) {
      return BotApiReply.okTrue();
    }
    String text = text(params, "text");
    Rendered rendered = render(text, text(params, "parse_mode"));
    if (rendered.error != null) {
      return rendered.error;
    }
    return edit(bot, params, text, rendered.text, markup(params));
  }

  BotApiReply editMarkup(FakeBot bot, JsonNode params) {
    if (params.hasNonNull("inline_message_id")) {
      return BotApiReply.okTrue();
    }
    Optional<Stored> current = editable(params);
    return current.isEmpty()
        ? missing(params)
        : edit(bot, params, current.get().text(), current.get().shown(), markup(params));
  }

  BotApiReply delete(JsonNode params) {
    int messageId = params.path("message_id").asInt(0);
    if (messageId == 0) {
      return BotApiReply.error(400, "Bad Request: message identifier is not specified");
    }
    return messages.remove(text(params, "chat_id"), messageId)
        ? BotApiReply.okTrue()
        : BotApiReply.error(400, "Bad Request: message to delete not found");
  }

  private BotApiReply edit(
      FakeBot bot, JsonNode params, String text, String shown, JsonNode markup) {
    Optional<Stored> current = editable(params);
    if (current.isEmpty()) {
      return missing(params);
    }
    if (!current.get().fromBot()) {
      return BotApiReply.error(400, "Bad Request: message can't be edited");
    }
    if (current.get().text().equals(text) && Objects.equals(current.get().replyMarkup(), markup)) {
      return BotApiReply.error(400, NOT_MODIFIED);
    }
    Stored edited = current.get().withContent(text, shown, markup);
    messages.put(edited);
    return BotApiReply.ok(message(bot, edited).put("edit_date", updates.now()));
  }

  private Optional<Stored> editable(JsonNode params) {
    String chatId = text(params, "chat_id");
    int messageId = params.path("message_id").asInt(0);
    return chatId == null ? Optional.empty() : messages.get(chatId, messageId);
  }

  private static BotApiReply missing(JsonNode params) {
    return params.path("message_id").asInt(0) == 0
        ? BotApiReply.error(400, "Bad Request: message identifier is not specified")
        : BotApiReply.error(400, "Bad Request: message to edit not found");
  }

  private ObjectNode message(FakeBot bot, Stored stored) {
    ObjectNode message =
        updates.message(stored.messageId(), bot.me(), updates.chat(stored.chatId()));
    message.put("text", stored.shown());
    if (stored.replyMarkup() != null && stored.replyMarkup().has("inline_keyboard")) {
      message.set("reply_markup", stored.replyMarkup());
    }
    return message;
  }

  private Rendered render(String text, String parseMode) {
    if (text == null || text.isEmpty()) {
      return Rendered.failed("Bad Request: message text is empty");
    }
    String visible = text;
    if (parseMode != null && parseMode.toLowerCase(Locale.ROOT).equals("html")) {
      try {
        visible = TelegramHtml.plainText(text);
      } catch (IllegalArgumentException e) {
        if (strictHtml) {
          return Rendered.failed("Bad Request: can't parse entities: " + e.getMessage());
        }
      }
    }
    if (visible.isBlank()) {
      return Rendered.failed("Bad Request: message text is empty");
    }
    if (visible.length() > MAX_TEXT) {
      return Rendered.failed("Bad Request: message is too long");
    }
    return new Rendered(visible, null);
  }

  private static JsonNode markup(JsonNode params) {
    JsonNode markup = params.get("reply_markup");
    return markup == null || markup.isNull() ? null : markup;
  }

  private static String text(JsonNode params, String name) {
    JsonNode value = params.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  private record Rendered(String text, BotApiReply error) {
    static Rendered failed(String description) {
      return new Rendered(null, BotApiReply.error(400, description));
    }
  }
}
