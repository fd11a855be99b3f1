package io.teleglas.core.exchange;

import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;

/**
 * The {@link Fetched.Unavailable} answers the exchange clients give, worded once so that every
 * venue explains a failure to users the same way. Details are short sentences without internals.
 */
public final class Failures {

  private Failures() {}

  /** The venue answered HTTP 429/418 or with its own rate-limit code. */
  public static <T> Fetched<T> rateLimited(String source) {
    return Fetched.unavailable(
        Reason.RATE_LIMITED, source + " is limiting our requests; try again in a minute", source);
  }

  /** No complete answer within the HTTP client's timeouts. */
  public static <T> Fetched<T> timedOut(String source) {
    return Fetched.unavailable(Reason.TIMEOUT, source + " did not answer in time", source);
  }

  /** The connection failed before an answer arrived. */
  public static <T> Fetched<T> unreachable(String source) {
    return Fetched.unavailable(Reason.UPSTREAM_ERROR, source + " could not be reached", source);
  }

  /** An HTTP 5xx, or a 4xx the venue did not explain. */
  public static <T> Fetched<T> httpError(String source, int status) {
    String what = status >= 500 ? " had a server error" : " refused the request";
    return Fetched.unavailable(
        Reason.UPSTREAM_ERROR, source + what + " (HTTP " + status + ")", source);
  }

  /** The venue reported an error code of its own that means nothing more specific. */
  public static <T> Fetched<T> venueError(String source) {
    return Fetched.unavailable(Reason.UPSTREAM_ERROR, source + " answered with an error", source);
  }

  /** Garbage, a truncated body, or a required field missing or out of range. */
  public static <T> Fetched<T> unreadable(String source) {
    return Fetched.unavailable(
        Reason.UPSTREAM_ERROR, source + " sent an answer we could not read", source);
  }

  /** The venue does not know the instrument. */
  public static <T> Fetched<T> unknownSymbol(String source, String instrument) {
    return Fetched.unavailable(
        Reason.UNKNOWN_SYMBOL, source + " does not list " + instrument, source);
  }

  /** The venue does not publish this figure at all; {@code what} is e.g. "long/short ratios". */
  public static <T> Fetched<T> notOffered(String source, String what) {
    return Fetched.unavailable(Reason.NOT_OFFERED, source + " does not publish " + what, source);
  }

  /** The generic wording for a reason a venue's error code maps to. */
  public static <T> Fetched<T> of(Reason reason, String source, String instrument) {
    return switch (reason) {
      case RATE_LIMITED -> rateLimited(source);
      case TIMEOUT -> timedOut(source);
      case UNKNOWN_SYMBOL -> unknownSymbol(source, instrument);
      case NOT_OFFERED -> notOffered(source, "this figure for " + instrument);
      case NO_API_KEY, PLAN, UPSTREAM_ERROR -> venueError(source);
    };
  }
}
