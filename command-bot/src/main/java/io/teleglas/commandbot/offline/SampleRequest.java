package io.teleglas.commandbot.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a request to the sample server asks for: method, path and parameters, which are the query
 * parameters of a GET and the top-level text fields of a POST's JSON body (Hyperliquid's {@code
 * {"type":"metaAndAssetCtxs"}}). A body that is not a JSON object has no parameters.
 */
record SampleRequest(String method, String path, Map<String, String> params) {
  SampleRequest {
    params = Map.copyOf(params);
  }

  static SampleRequest read(HttpExchange exchange, ObjectMapper mapper) throws IOException {
    String method = exchange.getRequestMethod();
    Map<String, String> params =
        "POST".equals(method)
            ? bodyFields(exchange.getRequestBody().readAllBytes(), mapper)
            : query(exchange.getRequestURI().getRawQuery());
    return new SampleRequest(method, exchange.getRequestURI().getPath(), params);
  }

  private static Map<String, String> bodyFields(byte[] body, ObjectMapper mapper) {
    Map<String, String> fields = new HashMap<>();
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      return fields;
    }
    if (json != null && json.isObject()) {
      json.fields()
          .forEachRemaining(
              f -> {
                if (f.getValue().isTextual()) {
                  fields.put(f.getKey(), f.getValue().asText());
                }
              });
    }
    return fields;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      String[] nameValue = pair.split("=", 2);
      params.putIfAbsent(
          URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
          nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }
}
