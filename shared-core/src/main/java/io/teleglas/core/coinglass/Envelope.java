package io.teleglas.core.coinglass;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * CoinGlass's wrapper around every answer: {@code code} is a string and {@code "0"} means success;
 * {@code msg} is sometimes absent; {@code data} is an array or an object depending on the endpoint.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Envelope(String code, String msg, JsonNode data) {}
