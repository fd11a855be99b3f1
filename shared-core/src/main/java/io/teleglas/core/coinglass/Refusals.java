package io.teleglas.core.coinglass;

import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns CoinGlass's ways of saying no into {@link Fetched.Unavailable}s. CoinGlass wraps errors in
 * its {@code {code, msg, data}} envelope, often with HTTP 200, and words the same refusal with
 * several codes (plan gating has come as 401, 400 and 40001, always with "Upgrade plan"), so the
 * message is checked before the code and the code before the HTTP status (market-apis.md §A.2).
 *
 * <p>A rejected or missing key is reported as {@link Reason#NO_API_KEY}: to a caller it means the
 * same as having no key (use the keyless sources), and the detail says CoinGlass rejected it.
 * Details are short and user-presentable; they never carry the key or CoinGlass's own text.
 */
final class Refusals {
  static final String SOURCE = "CoinGlass";

  private static final Pattern PRINTABLE_CODE = Pattern.compile("[0-9A-Za-z]{1,12}");

  private Refusals() {}

  /**
   * Why the answer is not usable, or empty when it is a success envelope with data.
   *
   * @param envelope the parsed envelope, or {@code null} when the body was not one
   */
  static <T> Optional<Fetched<T>> classify(int httpStatus, Envelope envelope, Query query) {
    String code = envelope == null ? null : envelope.code();
    String msg = envelope == null || envelope.msg() == null ? "" : lower(envelope.msg());
    if (msg.contains("upgrade plan")) {
      return refuse(Reason.PLAN, query.planDetail());
    }
    if (httpStatus == 429 || "429".equals(code)) {
      return refuse(Reason.RATE_LIMITED, "CoinGlass rate limit reached");
    }
    if (httpStatus == 401 || httpStatus == 403 || "401".equals(code) || msg.contains("api key")) {
      return refuse(Reason.NO_API_KEY, "CoinGlass rejected the API key");
    }
    if (httpStatus == 408 || "408".equals(code)) {
      return refuse(Reason.TIMEOUT, "CoinGlass timed out on its side");
    }
    if (httpStatus >= 500) {
      return refuse(Reason.UPSTREAM_ERROR, "CoinGlass server error (HTTP " + httpStatus + ")");
    }
    if (envelope == null || code == null) {
      return refuse(Reason.UPSTREAM_ERROR, "CoinGlass sent an unreadable answer");
    }
    if (httpStatus < 200 || httpStatus > 299) {
      return refuse(Reason.UPSTREAM_ERROR, "CoinGlass answered HTTP " + httpStatus);
    }
    if (!"0".equals(code)) {
      String shown = PRINTABLE_CODE.matcher(code).matches() ? code : "?";
      return refuse(Reason.UPSTREAM_ERROR, "CoinGlass error code " + shown);
    }
    if (envelope.data() == null || envelope.data().isNull()) {
      return refuse(Reason.UPSTREAM_ERROR, "CoinGlass sent no data");
    }
    return Optional.empty();
  }

  /** A transport failure: timeouts (OkHttp's call timeout or a socket timeout) or no connection. */
  static <T> Fetched<T> failure(IOException e, Duration timeout) {
    if (e instanceof InterruptedIOException) {
      return Fetched.unavailable(
          Reason.TIMEOUT, "CoinGlass did not answer within " + seconds(timeout), SOURCE);
    }
    return Fetched.unavailable(Reason.UPSTREAM_ERROR, "CoinGlass could not be reached", SOURCE);
  }

  static <T> Fetched<T> unreadable() {
    return Fetched.unavailable(
        Reason.UPSTREAM_ERROR, "CoinGlass sent an unreadable answer", SOURCE);
  }

  static <T> Fetched<T> budgetSpent(int limitPerMinute) {
    return Fetched.unavailable(
        Reason.RATE_LIMITED,
        "CoinGlass budget of " + limitPerMinute + " requests/min is used up",
        SOURCE);
  }

  private static <T> Optional<Fetched<T>> refuse(Reason reason, String detail) {
    return Optional.of(Fetched.unavailable(reason, detail, SOURCE));
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
