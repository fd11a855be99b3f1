package io.teleglas.core.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.teleglas.core.exchange.VenueErrors;
import io.teleglas.core.upstream.Fetched.Reason;
import java.util.Optional;

/**
 * Binance's error body {@code {"code":-1121,"msg":"Invalid symbol."}}: -1121 is an unknown symbol,
 * -1003 ("Too many requests") a rate limit; any other code an upstream error.
 */
final class BinanceErrors implements VenueErrors {
  private static final int INVALID_SYMBOL = -1121;
  private static final int TOO_MANY_REQUESTS = -1003;

  @Override
  public Optional<Reason> reported(int httpStatus, JsonNode body) {
    JsonNode code = body.path("code");
    if (!body.isObject() || !code.isIntegralNumber() || !body.has("msg")) {
      return Optional.empty();
    }
    return Optional.of(
        switch (code.asInt()) {
          case INVALID_SYMBOL -> Reason.UNKNOWN_SYMBOL;
          case TOO_MANY_REQUESTS -> Reason.RATE_LIMITED;
          default -> Reason.UPSTREAM_ERROR;
        });
  }
}
