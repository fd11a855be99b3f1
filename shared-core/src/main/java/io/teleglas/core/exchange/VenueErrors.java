package io.teleglas.core.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.teleglas.core.upstream.Fetched;
import java.util.Optional;

/**
 * A venue's way of reporting failures inside a readable JSON answer: Binance's {@code
 * {"code":-1121}}, Bybit's {@code retCode}, OKX's {@code code}. HTTP 429/418, timeouts, 5xx and
 * garbage are handled by {@link VenueHttp} for every venue alike.
 */
@FunctionalInterface
public interface VenueErrors {

  /** For venues whose answers carry no error envelope. */
  VenueErrors NONE = (status, body) -> Optional.empty();

  /**
   * The failure an HTTP status alone means for this venue, before the body is read (beyond the
   * 429/418 every venue shares). None by default.
   */
  default Optional<Fetched.Reason> forStatus(int httpStatus) {
    return Optional.empty();
  }

  /**
   * The failure the answer reports, or empty when it reports none (the body then goes to the
   * adapter if the status is 2xx). Called for every answer whose body is JSON, whatever its status.
   */
  Optional<Fetched.Reason> reported(int httpStatus, JsonNode body);
}
