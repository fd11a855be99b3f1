package io.teleglas.core.telegram;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Formats numbers, times and durations the same way in every message. The output never depends on
 * the JVM's default locale: the decimal point is {@code .}, thousands are grouped with {@code ,},
 * and nothing is ever printed in scientific notation. Values are rounded half up on their shortest
 * decimal form ({@link Double#toString}), so {@code 999_950} rounds to {@code $1.00M} as a reader
 * expects. A result that rounds to zero carries no minus sign.
 *
 * <p>A NaN or infinite argument is a programming error and throws {@link IllegalArgumentException}:
 * values that are unavailable must be explained by the caller, never shown as a made-up number.
 * Stateless and thread-safe.
 */
public final class Formats {

  private static final String[] UNITS = {"", "K", "M", "B", "T"};
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Formats() {}

  /**
   * Compact US dollars for amounts and notionals: {@code $950}, {@code $12.50}, {@code $9.99K},
   * {@code $12.3K}, {@code $999.9K}, {@code $1.00M}, {@code $1.23T}, {@code -$1.20M}. Under $1,000
   * the amount is shown to the cent, without {@code .00} when whole. From $1,000 it is scaled to K,
   * M, B or T with two decimals when the scaled number is under 10 and one decimal otherwise; a
   * value that rounds up to 1000 of a unit moves to the next unit.
   */
  public static String usd(double amount) {
    return compact(amount, "$", Formats::cents);
  }

  /**
   * The exact dollar amount rounded to whole dollars with thousands grouped: {@code $1,234,567}.
   */
  public static String usdExact(double amount) {
    BigDecimal rounded = decimal(amount).setScale(0, RoundingMode.HALF_UP);
    return sign(rounded) + "$" + grouped(rounded.abs());
  }

  /**
   * A price without currency: under 1 with four significant digits ({@code 0.1234}, {@code
   * 0.00001234}); from 1 with five significant digits but at least two decimals ({@code 2.3456},
   * {@code 14.235}, {@code 142.35}, {@code 97,123.45}). Trailing zeros are kept so a column of
   * prices lines up. Zero is {@code 0}.
   */
  public static String price(double price) {
    return price(price, "");
  }

  /** {@link #price(double)} with a dollar sign: {@code $97,123.45}, {@code -$0.1234}. */
  public static String usdPrice(double price) {
    return price(price, "$");
  }

  /**
   * A change already in percent, with two decimals and a sign: {@code +1.23%}, {@code -0.45%},
   * {@code 0.00%}.
   */
  public static String signedPercent(double percent) {
    return signed(decimal(percent).setScale(2, RoundingMode.HALF_UP)) + "%";
  }

  /**
   * A funding rate given as a fraction, in percent with four decimals: 0.0001 is {@code +0.0100%}.
   */
  public static String fundingRate(double fraction) {
    return signed(decimal(fraction).movePointRight(2).setScale(4, RoundingMode.HALF_UP)) + "%";
  }

  /** A ratio such as long/short with two decimals: {@code 1.23}, {@code 1,234.50}. */
  public static String ratio(double ratio) {
    BigDecimal rounded = decimal(ratio).setScale(2, RoundingMode.HALF_UP);
    return sign(rounded) + grouped(rounded.abs());
  }

  /**
   * A compact coin amount: under 1,000 with four significant digits and no trailing zeros ({@code
   * 350.5}, {@code 12}, {@code 0.0123}); from 1,000 scaled like {@link #usd(double)} ({@code
   * 1.20K}, {@code 45.6M}).
   */
  public static String quantity(double quantity) {
    return compact(quantity, "", Formats::significant);
  }

  /**
   * Date and time to the minute in UTC: {@code 2026-11-21 20:15 UTC}. Seconds are cut, not rounded.
   */
  public static String utc(Instant instant) {
    return MINUTES.format(Objects.requireNonNull(instant, "instant is null"));
  }

  /** Time of day to the second in UTC: {@code 20:15:03 UTC}. */
  public static String utcTime(Instant instant) {
    return SECONDS.format(Objects.requireNonNull(instant, "instant is null"));
  }

  /**
   * A duration in its two largest units, cut rather than rounded: {@code 45s}, {@code 12m}, {@code
   * 3h 12m}, {@code 3h}, {@code 2d 4h}. Under a minute shows seconds, under an hour minutes.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public static String duration(Duration duration) {
    Objects.requireNonNull(duration, "duration is null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration: " + duration);
    }
    long seconds = duration.getSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m";
    }
    if (seconds < 86_400) {
      return twoUnits(seconds / 3600, "h", seconds % 3600 / 60, "m");
    }
    return twoUnits(seconds / 86_400, "d", seconds % 86_400 / 3600, "h");
  }

  /**
   * How long ago something happened: {@code 12m ago}, {@code 2d 4h ago}; under a second, or
   * negative because the source's clock runs slightly ahead of ours, is {@code just now}.
   */
  public static String ago(Duration elapsed) {
    Objects.requireNonNull(elapsed, "elapsed is null");
    return elapsed.getSeconds() < 1 ? "just now" : duration(elapsed) + " ago";
  }

  private static String twoUnits(long major, String majorUnit, long minor, String minorUnit) {
    return minor == 0 ? major + majorUnit : major + majorUnit + " " + minor + minorUnit;
  }

  /** Scales {@code value} to K/M/B/T from 1,000 and rounds; below that {@code small} rounds it. */
  private static String compact(double value, String currency, UnaryOperator<BigDecimal> small) {
    BigDecimal magnitude = decimal(value).abs();
    BigDecimal rounded = small.apply(magnitude);
    int unit = 0;
    while (rounded.compareTo(THOUSAND) >= 0 && unit < UNITS.length - 1) {
      unit++;
      magnitude = magnitude.movePointLeft(3);
      int decimals = magnitude.compareTo(BigDecimal.TEN) < 0 ? 2 : 1;
      rounded = magnitude.setScale(decimals, RoundingMode.HALF_UP);
      if (decimals == 2 && rounded.compareTo(BigDecimal.TEN) >= 0) {
        rounded = magnitude.setScale(1, RoundingMode.HALF_UP);
      }
    }
    String sign = value < 0 && rounded.signum() != 0 ? "-" : "";
    return sign + currency + rounded.toPlainString() + UNITS[unit];
  }

  private static BigDecimal cents(BigDecimal magnitude) {
    BigDecimal rounded = magnitude.setScale(2, RoundingMode.HALF_UP);
    return rounded.remainder(BigDecimal.ONE).signum() == 0 ? rounded.setScale(0) : rounded;
  }

  private static BigDecimal significant(BigDecimal magnitude) {
    BigDecimal rounded =
        magnitude.round(new MathContext(4, RoundingMode.HALF_UP)).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  private static String price(double price, String currency) {
    BigDecimal rounded = roundPrice(decimal(price).abs());
    String sign = price < 0 && rounded.signum() != 0 ? "-" : "";
    return sign + currency + grouped(rounded);
  }

  private static BigDecimal roundPrice(BigDecimal magnitude) {
    if (magnitude.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (magnitude.compareTo(BigDecimal.ONE) < 0) {
      BigDecimal rounded = magnitude.round(new MathContext(4, RoundingMode.HALF_UP));
      if (rounded.compareTo(BigDecimal.ONE) < 0) {
        return rounded.setScale(rounded.scale() + 4 - rounded.precision());
      }
      magnitude = rounded;
    }
    BigDecimal rounded = magnitude.setScale(priceDecimals(magnitude), RoundingMode.HALF_UP);
    return rounded.setScale(priceDecimals(rounded), RoundingMode.HALF_UP);
  }

  private static int priceDecimals(BigDecimal magnitude) {
    int integerDigits = magnitude.precision() - magnitude.scale();
    return Math.max(2, 5 - integerDigits);
  }

  private static String signed(BigDecimal rounded) {
    return (rounded.signum() > 0 ? "+" : rounded.signum() < 0 ? "-" : "")
        + rounded.abs().toPlainString();
  }

  private static String sign(BigDecimal rounded) {
    return rounded.signum() < 0 ? "-" : "";
  }

  /** The plain digits of a non-negative number with {@code ,} between groups of three. */
  private static String grouped(BigDecimal magnitude) {
    String plain = magnitude.toPlainString();
    int point = plain.indexOf('.');
    int integerEnd = point < 0 ? plain.length() : point;
    StringBuilder out = new StringBuilder(plain.length() + integerEnd / 3);
    for (int i = 0; i < integerEnd; i++) {
      if (i > 0 && (integerEnd - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    return out.append(plain, integerEnd, plain.length()).toString();
  }

  private static BigDecimal decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    return BigDecimal.valueOf(value);
  }
}
