package io.teleglas.core.exchange.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.teleglas.core.exchange.VenueErrors;
import io.teleglas.core.upstream.Fetched.Reason;
import java.util.Optional;

/**
 * OKX's string {@code code}: {@code "0"} is success, {@code 51001} "Instrument ID does not exist",
 * {@code 50011} "Too Many Requests"; any other code an upstream error. Public so that callers of
 * OKX endpoints this package does not wrap (the alert bot's liquidation polling) read OKX's answers
 * the same way, through their own {@link io.teleglas.core.exchange.VenueHttp}. Stateless and
 * thread-safe.
 */
public final class OkxErrors implements VenueErrors {

  @Override
  public Optional<Reason> reported(int httpStatus, JsonNode body) {
    JsonNode code = body.path("code");
    if (!body.isObject() || code.isMissingNode() || code.asText().equals("0")) {
      return Optional.empty();
    }
    return Optional.of(
        switch (code.asText()) {
          case "51001" -> Reason.UNKNOWN_SYMBOL;
          case "50011" -> Reason.RATE_LIMITED;
          default -> Reason.UPSTREAM_ERROR;
        });
  }
}
