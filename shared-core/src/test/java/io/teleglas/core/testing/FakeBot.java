package io.teleglas.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teleglas.core.testing.ChatMessages.Stored;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bot token's view of a {@link FakeTelegramApi}: its identity ({@code getMe}), its queue of
 * incoming updates served by {@code getUpdates}, the commands it registered, and the calls it made.
 *
 * <p>Obtain it with {@link FakeTelegramApi#bot(String)}; it exists from the first time a test or a
 * request names the token and lives as long as the fake. The update helpers ({@link #sendText},
 * {@link #callbackQuery}, ...) play the user's side: each enqueues one update, assigns the next
 * update id and message id, and wakes a held {@code getUpdates} at once. Every method is
 * thread-safe.
 */
public final class FakeBot {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern BOT_ID = Pattern.compile("^(\\d+):");

  private final String token;
  private final Updates updates;
  private final ChatMessages messages;
  private final CallLog calls;
  private final UpdateQueue queue = new UpdateQueue();
  private final AtomicInteger getUpdatesCalls = new AtomicInteger();
  private final Map<String, List<RegisteredCommand>> commandsByScope = new ConcurrentHashMap<>();
  private final Set<String> callbackQueryIds = ConcurrentHashMap.newKeySet();
  private volatile ObjectNode me;

  FakeBot(String token, Updates updates, ChatMessages messages, CallLog calls) {
    this.token = token;
    this.updates = updates;
    this.messages = messages;
    this.calls = calls;
    Matcher id = BOT_ID.matcher(token);
    long botId =
        id.find()
            ? Long.parseLong(id.group(1))
            : 1_000_000L + Math.floorMod(token.hashCode(), 1_000_000);
    identity(botId, "Fake Bot", "fake_" + botId + "_bot");
  }

  /** The token this view belongs to. */
  public String token() {
    return token;
  }

  /**
   * Sets what {@code getMe} answers. By default the id is the number before the token's colon (as
   * with real tokens), the first name {@code "Fake Bot"} and the username {@code fake_<id>_bot}.
   */
  public FakeBot identity(long id, String firstName, String username) {
    me =
        JSON.objectNode()
            .put("id", id)
            .put("is_bot", true)
            .put("first_name", firstName)
            .put("username", username)
            .put("can_join_groups", true)
            .put("can_read_all_group_messages", false)
            .put("supports_inline_queries", false);
    return this;
  }

  /** The username {@code getMe} answers. */
  public String username() {
    return me.path("username").asText();
  }

  /**
   * A user sends {@code text}. Text starting with {@code /} carries a {@code bot_command} entity
   * over its first word, as Telegram sends it. The chat is private when {@code chatId == userId}, a
   * group when negative.
   *
   * @return the new message's id, for {@link #editedMessage} or replies
   */
  public int sendText(long userId, long chatId, String text) {
    ObjectNode message = incomingMessage(userId, chatId);
    Updates.withText(message, text);
    messages.put(
        new Stored(
            String.valueOf(chatId), message.path("message_id").asInt(), text, text, null, false));
    enqueue(updates.update("message", message));
    return message.path("message_id").asInt();
  }

  /** A user sends a sticker: a message without text. Returns the message id. */
  public int sendSticker(long userId, long chatId) {
    return enqueueNonText(updates.withSticker(incomingMessage(userId, chatId)), chatId);
  }

  /**
   * A user sends a photo, with {@code caption} or none (null): a message without text. Returns the
   * message id.
   */
  public int sendPhoto(long userId, long chatId, String caption) {
    return enqueueNonText(updates.withPhoto(incomingMessage(userId, chatId), caption), chatId);
  }

  /**
   * A user edits their earlier message {@code messageId} to {@code newText} (an {@code
   * edited_message} update).
   */
  public void editedMessage(long userId, long chatId, int messageId, String newText) {
    ObjectNode message =
        updates.message(messageId, updates.user(userId), updates.incomingChat(chatId, userId));
    Updates.withText(message, newText).put("edit_date", updates.now());
    messages.put(new Stored(String.valueOf(chatId), messageId, newText, newText, null, false));
    enqueue(updates.update("edited_message", message));
  }

  /**
   * A user presses an inline button with {@code data} under message {@code messageId} (normally one
   * this bot sent; an unknown id is created as a bot message so it can be edited afterwards).
   *
   * @return the callback query id, which {@code answerCallbackQuery} must name
   */
  public String callbackQuery(long userId, long chatId, int messageId, String data) {
    String chat = String.valueOf(chatId);
    Stored shown =
        messages
            .get(chat, messageId)
            .orElseGet(
                () -> {
                  String text = "message " + messageId;
                  Stored placeholder = new Stored(chat, messageId, text, text, null, true);
                  messages.put(placeholder);
                  return placeholder;
                });
    ObjectNode message =
        Updates.withText(
            updates.message(messageId, me.deepCopy(), updates.chat(chat)), shown.shown());
    if (shown.replyMarkup() != null) {
      message.set("reply_markup", shown.replyMarkup());
    }
    String id = updates.nextFileId("cbq");
    callbackQueryIds.add(id);
    ObjectNode query = JSON.objectNode().put("id", id);
    query.set("from", updates.user(userId));
    query.set("message", message);
    query.put("chat_instance", "instance" + chatId).put("data", data);
    enqueue(updates.update("callback_query", query));
    return id;
  }

  /**
   * Enqueues a raw update as JSON text; an {@code update_id} is assigned when missing. Returns the
   * update id.
   */
  public long enqueueUpdate(String json) {
    try {
      return enqueueUpdate((ObjectNode) MAPPER.readTree(json));
    } catch (Exception e) {
      throw new IllegalArgumentException("not a JSON object: " + json, e);
    }
  }

  /**
   * Enqueues a raw update; an {@code update_id} is assigned when missing. Returns the update id.
   */
  public long enqueueUpdate(ObjectNode update) {
    ObjectNode copy = update.deepCopy();
    if (!copy.hasNonNull("update_id")) {
      copy.put("update_id", updates.nextUpdateId());
    }
    enqueue(copy);
    return copy.path("update_id").asLong();
  }

  /** Updates enqueued but not yet confirmed by a {@code getUpdates} with a higher offset. */
  public int pendingUpdateCount() {
    return queue.size();
  }

  /**
   * How many {@code getUpdates} requests this token made, failed ones included: proof that a poller
   * waits instead of spinning.
   */
  public int getUpdatesCount() {
    return getUpdatesCalls.get();
  }

  /**
   * The commands of the last {@code setMyCommands} in the default scope, empty if none or deleted.
   */
  public List<RegisteredCommand> commands() {
    return commands("default");
  }

  /**
   * The commands registered for a scope: {@code "default"}, {@code "all_private_chats"}, ... or,
   * for scopes naming a chat, {@code "chat:<chat_id>"} and {@code
   * "chat_member:<chat_id>:<user_id>"}. {@code language_code} is ignored.
   */
  public List<RegisteredCommand> commands(String scope) {
    return commandsByScope.getOrDefault(scope, List.of());
  }

  /** Calls made with this token, in arrival order ({@code getUpdates} excluded). */
  public List<RecordedCall> calls() {
    return calls.matching(c -> c.token().equals(token));
  }

  /** Messages this token sent successfully, in order. */
  public List<SentMessage> sentMessages() {
    return calls.matching(this::isSentMessage).stream().map(SentMessage::of).toList();
  }

  /**
   * Waits until this token has sent at least {@code n} messages and returns all of them.
   *
   * @throws AssertionError listing every call seen, when {@code timeout} passes first
   */
  public List<SentMessage> awaitSentMessages(int n, Duration timeout) {
    return calls.await(this::isSentMessage, n, timeout, "messages sent with " + token).stream()
        .map(SentMessage::of)
        .toList();
  }

  ObjectNode me() {
    return me.deepCopy();
  }

  boolean knowsCallbackQuery(String id) {
    return callbackQueryIds.contains(id);
  }

  void setCommands(String scope, List<RegisteredCommand> commands) {
    commandsByScope.put(scope, List.copyOf(commands));
  }

  void deleteCommands(String scope) {
    commandsByScope.remove(scope);
  }

  void countGetUpdates() {
    getUpdatesCalls.incrementAndGet();
  }

  /**
   * Serves one {@code getUpdates}: confirms by {@code offset}, then holds up to {@code hold} for an
   * update.
   */
  List<JsonNode> poll(long offset, int limit, Duration hold) {
    return queue.poll(offset, limit, hold);
  }

  void releasePolls() {
    queue.release();
  }

  private boolean isSentMessage(RecordedCall call) {
    return call.token().equals(token) && call.isMethod("sendMessage") && call.succeeded();
  }

  private ObjectNode incomingMessage(long userId, long chatId) {
    return updates.message(
        updates.nextMessageId(), updates.user(userId), updates.incomingChat(chatId, userId));
  }

  private int enqueueNonText(ObjectNode message, long chatId) {
    int id = message.path("message_id").asInt();
    messages.put(new Stored(String.valueOf(chatId), id, "", "", null, false));
    enqueue(updates.update("message", message));
    return id;
  }

  private void enqueue(ObjectNode update) {
    queue.add(update);
  }
}
