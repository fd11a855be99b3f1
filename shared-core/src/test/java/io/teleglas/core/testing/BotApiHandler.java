package io.teleglas.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers one Bot API call the way Telegram would, after any injected failure, and records it. Runs
 * on WireMock's server threads, several at once; all state it touches is thread-safe.
 */
final class BotApiHandler {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_LIMIT = 100;

  private final Function<String, FakeBot> bots;
  private final Faults faults;
  private final MessageMethods messageMethods;
  private final CallLog calls;
  private final Updates updates;
  private final Duration longPollHold;

  BotApiHandler(
      Function<String, FakeBot> bots,
      Faults faults,
      MessageMethods messageMethods,
      CallLog calls,
      Updates updates,
      Duration longPollHold) {
    this.bots = bots;
    this.faults = faults;
    this.messageMethods = messageMethods;
    this.calls = calls;
    this.updates = updates;
    this.longPollHold = longPollHold;
  }

  BotApiReply handle(String token, String method, JsonNode params) {
    FakeBot bot = bots.apply(token);
    String name = Faults.normalize(method);
    if (name.equals("getupdates")) {
      bot.countGetUpdates();
      return faults.intercept(name, null).orElseGet(() -> getUpdates(bot, params));
    }
    String chatId = params.hasNonNull("chat_id") ? params.get("chat_id").asText() : null;
    BotApiReply reply = faults.intercept(name, chatId).orElseGet(() -> answer(bot, name, params));
    if (Faults.isSend(name)) {
      reply = reply.delayedBy(faults.sendLatency());
    }
    calls.record(
        new RecordedCall(
            token, method, params, reply.status(), reply.body(), updates.clock().instant()));
    return reply;
  }

  private BotApiReply answer(FakeBot bot, String method, JsonNode params) {
    return switch (method) {
      case "getme" -> BotApiReply.ok(bot.me());
      case "sendmessage" -> messageMethods.send(bot, params);
      case "editmessagetext" -> messageMethods.editText(bot, params);
      case "editmessagereplymarkup" -> messageMethods.editMarkup(bot, params);
      case "deletemessage" -> messageMethods.delete(params);
      case "answercallbackquery" ->
          bot.knowsCallbackQuery(params.path("callback_query_id").asText())
              ? BotApiReply.okTrue()
              : BotApiReply.error(
                  400,
                  "Bad Request: query is too old and response timeout expired or query ID is invalid");
      case "setmycommands" -> setCommands(bot, params);
      case "deletemycommands" -> {
        bot.deleteCommands(scope(params));
        yield BotApiReply.okTrue();
      }
      case "getmycommands" -> BotApiReply.ok(commandsJson(bot.commands(scope(params))));
      case "deletewebhook",
          "sendchataction",
          "setmydescription",
          "setmyshortdescription",
          "setmyname",
          "setchatmenubutton" ->
          BotApiReply.okTrue();
      default -> BotApiReply.error(404, "Not Found");
    };
  }

  private BotApiReply getUpdates(FakeBot bot, JsonNode params) {
    long offset = params.path("offset").asLong(0);
    int limit = Math.max(1, Math.min(MAX_LIMIT, params.path("limit").asInt(MAX_LIMIT)));
    int timeout = params.path("timeout").asInt(0);
    // A requested timeout of 0 (short polling) is still held: a misconfigured poller must not spin
    // in tests.
    Duration hold =
        timeout > 0 && Duration.ofSeconds(timeout).compareTo(longPollHold) < 0
            ? Duration.ofSeconds(timeout)
            : longPollHold;
    return BotApiReply.ok(JSON.arrayNode().addAll(bot.poll(offset, limit, hold)));
  }

  private static BotApiReply setCommands(FakeBot bot, JsonNode params) {
    JsonNode commands = params.path("commands");
    if (!commands.isArray()) {
      return BotApiReply.error(400, "Bad Request: parameter \"commands\" is required");
    }
    List<RegisteredCommand> registered = new ArrayList<>();
    commands.forEach(
        c ->
            registered.add(
                new RegisteredCommand(c.path("command").asText(), c.path("description").asText())));
    bot.setCommands(scope(params), registered);
    return BotApiReply.okTrue();
  }

  private static JsonNode commandsJson(List<RegisteredCommand> commands) {
    var array = JSON.arrayNode();
    commands.forEach(
        c -> array.addObject().put("command", c.command()).put("description", c.description()));
    return array;
  }

  private static String scope(JsonNode params) {
    JsonNode scope = params.path("scope");
    String type = scope.path("type").asText("default");
    return Optional.ofNullable(scope.get("chat_id"))
        .map(
            chat ->
                type
                    + ":"
                    + chat.asText()
                    + (scope.has("user_id") ? ":" + scope.get("user_id").asText() : ""))
        .orElse(type);
  }
}
