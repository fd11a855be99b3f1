package io.teleglas.core.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds Bot API objects (User, Chat, Message) in the shapes TelegramBots 10.2.0 deserializes, and
 * hands out the fake's ids. One per fake, shared by all tokens, so update and message ids are
 * unique across bots. Thread-safe.
 */
final class Updates {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Clock clock;
  private final AtomicLong updateIds = new AtomicLong(1);
  private final AtomicInteger messageIds = new AtomicInteger(1);
  private final AtomicLong fileIds = new AtomicLong(1);

  Updates(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  long nextUpdateId() {
    return updateIds.getAndIncrement();
  }

  int nextMessageId() {
    return messageIds.getAndIncrement();
  }

  String nextFileId(String prefix) {
    return prefix + "-" + fileIds.getAndIncrement();
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  /** A human user; names are derived from the id so tests need not invent them. */
  ObjectNode user(long id) {
    return JSON.objectNode()
        .put("id", id)
        .put("is_bot", false)
        .put("first_name", "User" + id)
        .put("username", "user" + id)
        .put("language_code", "en");
  }

  /**
   * The chat a user writes in: private when {@code chatId == userId}, a group or supergroup when
   * negative.
   */
  ObjectNode incomingChat(long chatId, long userId) {
    if (chatId == userId) {
      return JSON.objectNode()
          .put("id", chatId)
          .put("type", "private")
          .put("first_name", "User" + userId)
          .put("username", "user" + userId);
    }
    return chat(String.valueOf(chatId));
  }

  /**
   * The chat a bot sends to, from its {@code chat_id} parameter (a number or {@code @channelname}).
   */
  ObjectNode chat(String chatId) {
    if (chatId.startsWith("@")) {
      long syntheticId = -1_000_000_000_000L - Math.abs((long) chatId.hashCode());
      return JSON.objectNode()
          .put("id", syntheticId)
          .put("type", "channel")
          .put("title", chatId.substring(1))
          .put("username", chatId.substring(1));
    }
    long id = Long.parseLong(chatId);
    if (id > 0) {
      return JSON.objectNode().put("id", id).put("type", "private").put("first_name", "User" + id);
    }
    String type = chatId.startsWith("-100") ? "supergroup" : "group";
    return JSON.objectNode().put("id", id).put("type", type).put("title", "Chat " + id);
  }

  ObjectNode message(int messageId, ObjectNode from, ObjectNode chat) {
    ObjectNode message = JSON.objectNode().put("message_id", messageId);
    message.set("from", from);
    message.set("chat", chat);
    return message.put("date", now());
  }

  /**
   * Adds {@code text}, with a {@code bot_command} entity when it starts with a command such as
   * {@code /start}.
   */
  static ObjectNode withText(ObjectNode message, String text) {
    message.put("text", text);
    if (text.startsWith("/") && text.length() > 1) {
      int end = 1;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      message
          .putArray("entities")
          .addObject()
          .put("type", "bot_command")
          .put("offset", 0)
          .put("length", end);
    }
    return message;
  }

  ObjectNode withSticker(ObjectNode message) {
    message
        .putObject("sticker")
        .put("file_id", nextFileId("sticker"))
        .put("file_unique_id", nextFileId("u"))
        .put("type", "regular")
        .put("width", 512)
        .put("height", 512)
        .put("is_animated", false)
        .put("is_video", false)
        .put("emoji", "\uD83D\uDC4D");
    return message;
  }

  ObjectNode withPhoto(ObjectNode message, String caption) {
    message
        .putArray("photo")
        .addObject()
        .put("file_id", nextFileId("photo"))
        .put("file_unique_id", nextFileId("u"))
        .put("width", 90)
        .put("height", 90)
        .put("file_size", 1024);
    if (caption != null) {
      message.put("caption", caption);
    }
    return message;
  }

  /** A Bot API Update envelope: {@code {"update_id":..., kind: payload}}. */
  ObjectNode update(String kind, ObjectNode payload) {
    ObjectNode update = JSON.objectNode().put("update_id", nextUpdateId());
    update.set(kind, payload);
    return update;
  }
}
