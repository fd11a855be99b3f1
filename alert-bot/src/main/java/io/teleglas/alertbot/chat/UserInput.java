package io.teleglas.alertbot.chat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the amounts and durations users type after a command. Stateless. */
final class UserInput {

  /** The longest {@code /mute}. */
  static final Duration MAX_MUTE = Duration.ofDays(30);

  private static final Pattern AMOUNT =
      Pattern.compile("\\$?([0-9]{1,13}(?:,[0-9]{3})*(?:\\.[0-9]+)?)\\s*([kmb]?)\\$?");
  private static final Pattern DURATION =
      Pattern.compile("([0-9]{1,6})\\s*(m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)");

  private UserInput() {}

  /**
   * A USD amount: {@code 100000}, {@code 100,000}, {@code 100k}, {@code 1.5m}, {@code $250K},
   * {@code 2b}; empty for anything else.
   */
  static OptionalDouble usd(String text) {
    Matcher m = AMOUNT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return OptionalDouble.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1).replace(",", ""));
    int shift =
        switch (m.group(2)) {
          case "k" -> 3;
          case "m" -> 6;
          case "b" -> 9;
          default -> 0;
        };
    return OptionalDouble.of(number.movePointRight(shift).doubleValue());
  }

  /**
   * A duration: {@code 30m}, {@code 1h}, {@code 2d}, {@code 1w}, {@code 90 min}; empty otherwise.
   */
  static Optional<Duration> duration(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    Duration unit =
        switch (m.group(2).charAt(0)) {
          case 'm' -> Duration.ofMinutes(1);
          case 'h' -> Duration.ofHours(1);
          case 'd' -> Duration.ofDays(1);
          default -> Duration.ofDays(7);
        };
    return Optional.of(unit.multipliedBy(n));
  }

  /** At most {@code max} characters of what the user typed, for quoting it back. */
  static String echo(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
