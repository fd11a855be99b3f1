package io.teleglas.core.exchange.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import io.teleglas.core.exchange.VenueErrors;
import io.teleglas.core.upstream.Fetched.Reason;
import java.util.Locale;
import java.util.Optional;

/**
 * Bybit's {@code retCode}: 0 is success; 10001 is a parameter error, an unknown symbol when its
 * message names the symbol ("params error: symbol invalid", "Not supported symbols"); 10006 is "too
 * many visits". HTTP 403 is how Bybit answers an IP over its limit ("403, access too frequent",
 * [BYBIT-DOCS] {@code docs/v5/rate-limit/rate-limit.mdx}).
 */
final class BybitErrors implements VenueErrors {
  private static final int PARAMS_ERROR = 10001;
  private static final int TOO_MANY_VISITS = 10006;

  @Override
  public Optional<Reason> forStatus(int httpStatus) {
    return httpStatus == 403 ? Optional.of(Reason.RATE_LIMITED) : Optional.empty();
  }

  @Override
  public Optional<Reason> reported(int httpStatus, JsonNode body) {
    JsonNode code = body.path("retCode");
    if (!code.isIntegralNumber() || code.asInt() == 0) {
      return Optional.empty();
    }
    String message = body.path("retMsg").asText("").toLowerCase(Locale.ROOT);
    return Optional.of(
        switch (code.asInt()) {
          case PARAMS_ERROR ->
              message.contains("symbol") ? Reason.UNKNOWN_SYMBOL : Reason.UPSTREAM_ERROR;
          case TOO_MANY_VISITS -> Reason.RATE_LIMITED;
          default -> Reason.UPSTREAM_ERROR;
        });
  }
}
