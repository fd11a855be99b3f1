package io.teleglas.core.testing;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WireMock extension behind {@link FakeTelegramApi}'s single stub: parses {@code
 * /bot{token}/{method}} and the parameters (JSON body, form, multipart text parts, query string, as
 * Telegram accepts all four), hands them to the {@link BotApiHandler}, and turns its reply into a
 * WireMock response. Called on Jetty threads, concurrently.
 */
final class BotApiTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "teleglas-fake-telegram-bot-api";
  private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([^/?#]+)");

  private final ObjectMapper json = new ObjectMapper();
  private final BotApiHandler handler;

  BotApiTransformer(BotApiHandler handler) {
    this.handler = handler;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    Matcher path = PATH.matcher(request.getUrl());
    if (!path.find()) {
      return toResponse(BotApiReply.error(404, "Not Found"));
    }
    ObjectNode params;
    try {
      params = params(request);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return toResponse(BotApiReply.error(400, "Bad Request: can't parse JSON body"));
    }
    return toResponse(handler.handle(decode(path.group(1)), decode(path.group(2)), params));
  }

  private ObjectNode params(Request request) throws JsonProcessingException {
    ObjectNode params = json.createObjectNode();
    String url = request.getUrl();
    int query = url.indexOf('?');
    if (query >= 0) {
      addForm(params, url.substring(query + 1));
    }
    String contentType = String.valueOf(request.getHeader("Content-Type")).toLowerCase(Locale.ROOT);
    String body = request.getBodyAsString();
    if (request.isMultipart()) {
      for (Request.Part part : request.getParts()) {
        put(
            params,
            part.getName(),
            part.getFileName() != null ? part.getFileName() : part.getBody().asString());
      }
    } else if (contentType.contains("x-www-form-urlencoded")) {
      addForm(params, body);
    } else if (body != null && !body.isBlank()) {
      JsonNode parsed = json.readTree(body);
      if (!parsed.isObject()) {
        throw new IllegalArgumentException("Bot API body must be a JSON object");
      }
      params.setAll((ObjectNode) parsed);
    }
    return params;
  }

  private void addForm(ObjectNode params, String form) {
    for (String pair : form.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        put(
            params,
            decode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
  }

  /** Telegram accepts JSON-serialized values for object parameters such as {@code reply_markup}. */
  private void put(ObjectNode params, String name, String value) {
    String trimmed = value.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        params.set(name, json.readTree(trimmed));
        return;
      } catch (JsonProcessingException notJson) {
        // plain text that happens to start with a bracket
      }
    }
    params.put(name, value);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static ResponseDefinition toResponse(BotApiReply reply) {
    if (reply.disconnect()) {
      return responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    ResponseDefinitionBuilder response =
        responseDefinition()
            .withStatus(reply.status())
            .withHeader("Content-Type", reply.isJson() ? "application/json" : "text/html")
            .withBody(reply.isJson() ? reply.body().toString() : reply.body().asText());
    if (!reply.delay().isZero()) {
      response.withFixedDelay((int) reply.delay().toMillis());
    }
    return response.build();
  }
}
