package io.teleglas.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One answer of the bench's fake Bot APIs ({@code LeanTelegram}, {@code LeanCommandTelegram}): the
 * HTTP status and Telegram's {@code {"ok":...}} envelope, as reference/java-stack.md §3 describes
 * it. Immutable.
 */
public record BotApiReply(int status, JsonNode body) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public BotApiReply {
    requireNonNull(body, "body is null");
  }

  /** {@code 200 {"ok":true,"result":...}}. */
  public static BotApiReply ok(JsonNode result) {
    ObjectNode body = NODES.objectNode().put("ok", true);
    body.set("result", result);
    return new BotApiReply(200, body);
  }

  /** {@code {"ok":false,"error_code":status,"description":...}} with that HTTP status. */
  public static BotApiReply error(int status, String description) {
    return new BotApiReply(
        status,
        NODES
            .objectNode()
            .put("ok", false)
            .put("error_code", status)
            .put("description", description));
  }

  /** Flood control: a 429 with {@code parameters.retry_after}. */
  public static BotApiReply rateLimited(int retryAfter) {
    BotApiReply reply = error(429, "Too Many Requests: retry after " + retryAfter);
    ((ObjectNode) reply.body()).putObject("parameters").put("retry_after", retryAfter);
    return reply;
  }

  /** The description of an error answer, empty for {@code ok}. */
  public String description() {
    return body.path("description").asText();
  }

  /** Writes this answer as JSON; the caller closes the exchange. */
  public void writeTo(HttpExchange exchange) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
