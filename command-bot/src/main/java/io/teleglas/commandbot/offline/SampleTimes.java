package io.teleglas.commandbot.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the time placeholders of a sample file with epoch milliseconds, so sample answers are as
 * fresh as live ones: the clients refuse stale long/short buckets, and funding settlements belong
 * in the future. A placeholder is a base and an optional offset, each an amount and a unit {@code
 * s}, {@code m}, {@code h} or {@code d}:
 *
 * <ul>
 *   <li>{@code ${now}}: the current time; {@code ${now-90s}}, {@code ${now+2h}} shifted.
 *   <li>{@code ${floor5m}}: the latest multiple of 5 minutes since the epoch at or before now (the
 *       start of the current bucket); {@code ${floor1h-2h}} two buckets earlier.
 *   <li>{@code ${next8h}}: the next multiple of 8 hours after now (00:00, 08:00 or 16:00 UTC, when
 *       most venues settle funding); {@code ${next8h+8h}} the settlement after it.
 * </ul>
 *
 * The placeholder is replaced by digits only, so it stands unquoted where the documented shape has
 * a JSON number and inside quotes where it has a string.
 */
final class SampleTimes {
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\$\\{(now|floor(\\d+)([smhd])|next(\\d+)([smhd]))(?:([+-])(\\d+)([smhd]))?}");

  private SampleTimes() {}

  /**
   * {@code template} with every placeholder replaced by epoch milliseconds relative to {@code now}.
   *
   * @throws IllegalArgumentException if a {@code ${} is left that is not a placeholder
   */
  static String fill(String template, Instant now) {
    long millis = now.toEpochMilli();
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length());
    while (m.find()) {
      long base;
      if (m.group(2) != null) {
        long step = unit(m.group(2), m.group(3));
        base = Math.floorDiv(millis, step) * step;
      } else if (m.group(4) != null) {
        long step = unit(m.group(4), m.group(5));
        base = (Math.floorDiv(millis, step) + 1) * step;
      } else {
        base = millis;
      }
      long offset = m.group(6) == null ? 0 : unit(m.group(7), m.group(8));
      long value = "-".equals(m.group(6)) ? base - offset : base + offset;
      m.appendReplacement(out, Long.toString(value));
    }
    m.appendTail(out);
    int left = out.indexOf("${");
    if (left >= 0) {
      int end = Math.min(out.length(), left + 24);
      throw new IllegalArgumentException("not a time placeholder: " + out.substring(left, end));
    }
    return out.toString();
  }

  private static long unit(String amount, String unit) {
    long n = Long.parseLong(amount);
    Duration d =
        switch (unit) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    if (d.isZero()) {
      throw new IllegalArgumentException("a time step must not be zero");
    }
    return d.toMillis();
  }
}
