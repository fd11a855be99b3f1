package io.teleglas.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages that exist in the fake's chats, so edits and deletes can succeed or fail as
 * Telegram's would.
 */
final class ChatMessages {

  /**
   * One message: {@code text} as sent (markup included), {@code shown} as the chat displays it, and
   * {@code replyMarkup} (may be null).
   */
  record Stored(
      String chatId,
      int messageId,
      String text,
      String shown,
      JsonNode replyMarkup,
      boolean fromBot) {

    Stored withContent(String newText, String newShown, JsonNode newMarkup) {
      return new Stored(chatId, messageId, newText, newShown, newMarkup, fromBot);
    }
  }

  private final Map<String, Stored> messages = new ConcurrentHashMap<>();

  void put(Stored message) {
    messages.put(key(message.chatId(), message.messageId()), message);
  }

  Optional<Stored> get(String chatId, int messageId) {
    return Optional.ofNullable(messages.get(key(chatId, messageId)));
  }

  boolean remove(String chatId, int messageId) {
    return messages.remove(key(chatId, messageId)) != null;
  }

  private static String key(String chatId, int messageId) {
    return chatId + "/" + messageId;
  }
}
