package io.teleglas.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;

/**
 * What the fake answers to one Bot API call, independent of WireMock. {@code body} is the JSON
 * envelope Telegram sends, or a {@link TextNode} for a raw non-JSON body; {@code disconnect} resets
 * the connection instead.
 */
record BotApiReply(int status, JsonNode body, boolean disconnect, Duration delay) {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static BotApiReply ok(JsonNode result) {
    ObjectNode body = JSON.objectNode().put("ok", true);
    body.set("result", result);
    return new BotApiReply(200, body, false, Duration.ZERO);
  }

  static BotApiReply okTrue() {
    return ok(JSON.booleanNode(true));
  }

  static BotApiReply error(int errorCode, String description) {
    return new BotApiReply(errorCode, errorBody(errorCode, description), false, Duration.ZERO);
  }

  static BotApiReply rateLimited(int retryAfterSeconds) {
    ObjectNode body = errorBody(429, "Too Many Requests: retry after " + retryAfterSeconds);
    body.putObject("parameters").put("retry_after", retryAfterSeconds);
    return new BotApiReply(429, body, false, Duration.ZERO);
  }

  static BotApiReply raw(int status, String body) {
    return new BotApiReply(status, TextNode.valueOf(body), false, Duration.ZERO);
  }

  static BotApiReply connectionReset() {
    return new BotApiReply(0, null, true, Duration.ZERO);
  }

  BotApiReply delayedBy(Duration extra) {
    return extra.isZero() ? this : new BotApiReply(status, body, disconnect, delay.plus(extra));
  }

  boolean isJson() {
    return body != null && body.isObject();
  }

  private static ObjectNode errorBody(int errorCode, String description) {
    return JSON.objectNode()
        .put("ok", false)
        .put("error_code", errorCode)
        .put("description", description);
  }
}
