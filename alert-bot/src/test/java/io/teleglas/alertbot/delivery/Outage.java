package io.teleglas.alertbot.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A time-based Telegram outage for tests: until {@code end} by the given clock, every request is
 * answered 502 {@code Bad Gateway} in the Bot API's JSON shape without reaching the server; from
 * {@code end} on, requests pass through. Records when each refused request was made. Thread-safe.
 */
final class Outage implements Interceptor {
  private static final MediaType JSON = MediaType.get("application/json");

  private final Clock clock;
  private final Instant end;
  private final List<Instant> refused = new CopyOnWriteArrayList<>();

  Outage(Clock clock, Instant end) {
    this.clock = clock;
    this.end = end;
  }

  List<Instant> refused() {
    return List.copyOf(refused);
  }

  @Override
  public Response intercept(Chain chain) throws java.io.IOException {
    Instant now = clock.instant();
    if (!now.isBefore(end)) {
      return chain.proceed(chain.request());
    }
    refused.add(now);
    return new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(502)
        .message("Bad Gateway")
        .body(
            ResponseBody.create(
                "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}", JSON))
        .build();
  }
}
