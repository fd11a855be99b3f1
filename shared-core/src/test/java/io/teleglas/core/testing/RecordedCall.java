package io.teleglas.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One Bot API call received by {@link FakeTelegramApi} (every method except {@code getUpdates},
 * which is only counted), with what the fake answered.
 *
 * @param token the bot token from the URL {@code /bot{token}/{method}}
 * @param method the method name exactly as it appeared in the URL (TelegramBots sends e.g. {@code
 *     sendmessage})
 * @param params the parameters: the JSON body, form fields, multipart text parts and query
 *     parameters merged into one object; values that were JSON-serialized strings (e.g. {@code
 *     reply_markup}) are parsed
 * @param httpStatus the HTTP status answered, or 0 when the connection was reset on purpose
 * @param response the JSON envelope answered ({@code {"ok":...}}), a text node for a raw body, or
 *     null for a reset
 * @param receivedAt when the call arrived, by the fake's clock
 */
public record RecordedCall(
    String token,
    String method,
    JsonNode params,
    int httpStatus,
    JsonNode response,
    Instant receivedAt) {

  /** Whether this call is {@code name}, compared case-insensitively as Telegram does. */
  public boolean isMethod(String name) {
    return method.equalsIgnoreCase(name);
  }

  /** Whether Telegram would have reported success ({@code "ok":true}). */
  public boolean succeeded() {
    return response != null && response.path("ok").asBoolean(false);
  }

  /** A parameter as text ({@code chat_id}, {@code text}, ...), or null when absent. */
  public String param(String name) {
    JsonNode value = params.get(name);
    return value == null || value.isNull()
        ? null
        : value.isValueNode() ? value.asText() : value.toString();
  }
}
