package io.teleglas.commandbot.command;

import io.teleglas.core.telegram.Html;
import io.teleglas.core.upstream.Fetched;

/** How a reply says that a figure is missing and why: short, italic, never a number. */
final class Unavailable {
  private Unavailable() {}

  /** {@code unavailable: needs CoinGlass Standard plan} and the like, escaped. */
  static String because(Fetched<?> missing) {
    return "<i>unavailable: " + Html.escape(why(missing)) + "</i>";
  }

  /** The reason alone, as plain text to be escaped: {@code needs CoinGlass Standard plan}. */
  static String why(Fetched<?> missing) {
    if (!(missing instanceof Fetched.Unavailable<?> u)) {
      throw new IllegalArgumentException("not unavailable: " + missing);
    }
    return switch (u.reason()) {
      case NO_API_KEY -> "needs a CoinGlass API key";
      case RATE_LIMITED -> u.source() + " rate limit reached, try again in a minute";
      case UNKNOWN_SYMBOL -> "not listed on " + u.source();
      default -> u.detail();
    };
  }
}
