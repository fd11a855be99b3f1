package io.teleglas.core.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void usd_showsCentsBelowAThousand() {
    assertThat(Formats.usd(0)).isEqualTo("$0");
    assertThat(Formats.usd(0.42)).isEqualTo("$0.42");
    assertThat(Formats.usd(12.5)).isEqualTo("$12.50");
    assertThat(Formats.usd(950)).isEqualTo("$950");
    assertThat(Formats.usd(999)).isEqualTo("$999");
    assertThat(Formats.usd(999.994)).isEqualTo("$999.99");
  }

  @Test
  void usd_scalesFromAThousand() {
    assertThat(Formats.usd(999.995)).isEqualTo("$1.00K");
    assertThat(Formats.usd(1_000)).isEqualTo("$1.00K");
    assertThat(Formats.usd(1_234)).isEqualTo("$1.23K");
    assertThat(Formats.usd(9_994)).isEqualTo("$9.99K");
    assertThat(Formats.usd(9_995)).isEqualTo("$10.0K");
    assertThat(Formats.usd(12_345)).isEqualTo("$12.3K");
    assertThat(Formats.usd(456_700_000)).isEqualTo("$456.7M");
    assertThat(Formats.usd(1e9)).isEqualTo("$1.00B");
    assertThat(Formats.usd(1.234e9)).isEqualTo("$1.23B");
    assertThat(Formats.usd(1.234e12)).isEqualTo("$1.23T");
    assertThat(Formats.usd(1.234e15)).isEqualTo("$1234.0T");
  }

  @Test
  void usd_movesToTheNextUnitWhenRoundingReachesAThousand() {
    assertThat(Formats.usd(999_949)).isEqualTo("$999.9K");
    assertThat(Formats.usd(999_950)).isEqualTo("$1.00M");
    assertThat(Formats.usd(999_950_000)).isEqualTo("$1.00B");
  }

  @Test
  void usd_putsMinusBeforeDollarAndDropsItWhenRoundedToZero() {
    assertThat(Formats.usd(-1_200_000)).isEqualTo("-$1.20M");
    assertThat(Formats.usd(-0.42)).isEqualTo("-$0.42");
    assertThat(Formats.usd(-0.004)).isEqualTo("$0");
  }

  @Test
  void usdExact_groupsThousandsWithoutDecimals() {
    assertThat(Formats.usdExact(1_234_567.49)).isEqualTo("$1,234,567");
    assertThat(Formats.usdExact(999.5)).isEqualTo("$1,000");
    assertThat(Formats.usdExact(0)).isEqualTo("$0");
    assertThat(Formats.usdExact(-12_345)).isEqualTo("-$12,345");
    assertThat(Formats.usdExact(1.234e15)).isEqualTo("$1,234,000,000,000,000");
  }

  @Test
  void price_choosesDecimalsByMagnitude() {
    assertThat(Formats.price(97_123.456)).isEqualTo("97,123.46");
    assertThat(Formats.price(1_000)).isEqualTo("1,000.00");
    assertThat(Formats.price(142.345)).isEqualTo("142.35");
    assertThat(Formats.price(14.2)).isEqualTo("14.200");
    assertThat(Formats.price(2.3456)).isEqualTo("2.3456");
    assertThat(Formats.price(1)).isEqualTo("1.0000");
    assertThat(Formats.price(0.1234)).isEqualTo("0.1234");
    assertThat(Formats.price(0.5)).isEqualTo("0.5000");
    assertThat(Formats.price(0.00001234)).isEqualTo("0.00001234");
    assertThat(Formats.price(1.234e-9)).isEqualTo("0.000000001234");
    assertThat(Formats.price(0)).isEqualTo("0");
  }

  @Test
  void price_keepsDecimalsOfTheRoundedMagnitude() {
    assertThat(Formats.price(0.99996)).isEqualTo("1.0000");
    assertThat(Formats.price(9.99996)).isEqualTo("10.000");
    assertThat(Formats.price(999.996)).isEqualTo("1,000.00");
  }

  @Test
  void price_signsNegativesAndUsdPriceAddsDollar() {
    assertThat(Formats.price(-2.5)).isEqualTo("-2.5000");
    assertThat(Formats.usdPrice(97_123.45)).isEqualTo("$97,123.45");
    assertThat(Formats.usdPrice(-0.1234)).isEqualTo("-$0.1234");
  }

  @Test
  void signedPercent_alwaysShowsSignExceptForZero() {
    assertThat(Formats.signedPercent(1.234)).isEqualTo("+1.23%");
    assertThat(Formats.signedPercent(-0.445)).isEqualTo("-0.45%");
    assertThat(Formats.signedPercent(0)).isEqualTo("0.00%");
    assertThat(Formats.signedPercent(-0.004)).isEqualTo("0.00%");
    assertThat(Formats.signedPercent(1234.5)).isEqualTo("+1234.50%");
  }

  @Test
  void fundingRate_convertsFractionToPercentWithFourDecimals() {
    assertThat(Formats.fundingRate(0.0001)).isEqualTo("+0.0100%");
    assertThat(Formats.fundingRate(-0.00075)).isEqualTo("-0.0750%");
    assertThat(Formats.fundingRate(0.000000004)).isEqualTo("0.0000%");
    assertThat(Formats.fundingRate(0.0003)).isEqualTo("+0.0300%");
  }

  @Test
  void ratio_showsTwoDecimals() {
    assertThat(Formats.ratio(1.234)).isEqualTo("1.23");
    assertThat(Formats.ratio(0.5)).isEqualTo("0.50");
    assertThat(Formats.ratio(1234.5)).isEqualTo("1,234.50");
    assertThat(Formats.ratio(-0.001)).isEqualTo("0.00");
  }

  @Test
  void quantity_showsFourSignificantDigitsThenScales() {
    assertThat(Formats.quantity(350.5)).isEqualTo("350.5");
    assertThat(Formats.quantity(350)).isEqualTo("350");
    assertThat(Formats.quantity(12.3456)).isEqualTo("12.35");
    assertThat(Formats.quantity(0.0123)).isEqualTo("0.0123");
    assertThat(Formats.quantity(0.000012345)).isEqualTo("0.00001235");
    assertThat(Formats.quantity(999.96)).isEqualTo("1.00K");
    assertThat(Formats.quantity(1_200)).isEqualTo("1.20K");
    assertThat(Formats.quantity(45_600_000)).isEqualTo("45.6M");
    assertThat(Formats.quantity(-2.5)).isEqualTo("-2.5");
    assertThat(Formats.quantity(0)).isEqualTo("0");
  }

  @Test
  void numbers_rejectNaNAndInfinity() {
    DoubleFunction<?>[] formats = {
      Formats::usd,
      Formats::usdExact,
      Formats::price,
      Formats::usdPrice,
      Formats::signedPercent,
      Formats::fundingRate,
      Formats::ratio,
      Formats::quantity
    };
    for (DoubleFunction<?> format : formats) {
      for (double bad :
          new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
        assertThatThrownBy(() -> format.apply(bad)).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void utc_showsDateAndMinuteInUtc() {
    assertThat(Formats.utc(Instant.parse("2026-11-21T20:15:59.999Z")))
        .isEqualTo("2026-11-21 20:15 UTC");
    assertThat(Formats.utcTime(Instant.parse("2026-11-21T20:15:03.900Z")))
        .isEqualTo("20:15:03 UTC");
    assertThat(Formats.utc(Instant.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02 03:04 UTC");
  }

  @Test
  void duration_showsTheTwoLargestUnits() {
    assertThat(Formats.duration(Duration.ZERO)).isEqualTo("0s");
    assertThat(Formats.duration(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Formats.duration(Duration.ofSeconds(59).plusMillis(999))).isEqualTo("59s");
    assertThat(Formats.duration(Duration.ofSeconds(60))).isEqualTo("1m");
    assertThat(Formats.duration(Duration.ofMinutes(12).plusSeconds(59))).isEqualTo("12m");
    assertThat(Formats.duration(Duration.ofMinutes(192))).isEqualTo("3h 12m");
    assertThat(Formats.duration(Duration.ofHours(3))).isEqualTo("3h");
    assertThat(Formats.duration(Duration.ofHours(52).plusMinutes(59))).isEqualTo("2d 4h");
    assertThat(Formats.duration(Duration.ofDays(2))).isEqualTo("2d");
  }

  @Test
  void duration_rejectsNegative() {
    assertThatThrownBy(() -> Formats.duration(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ago_saysJustNowUnderASecondOrWhenTheSourceClockIsAhead() {
    assertThat(Formats.ago(Duration.ofMinutes(12))).isEqualTo("12m ago");
    assertThat(Formats.ago(Duration.ofMillis(999))).isEqualTo("just now");
    assertThat(Formats.ago(Duration.ofMillis(-300))).isEqualTo("just now");
  }

  @Test
  void formats_ignoreTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      assertThat(Formats.usd(1.234e9)).isEqualTo("$1.23B");
      assertThat(Formats.usd(12.5)).isEqualTo("$12.50");
      assertThat(Formats.usdExact(1_234_567)).isEqualTo("$1,234,567");
      assertThat(Formats.price(97_123.45)).isEqualTo("97,123.45");
      assertThat(Formats.signedPercent(1.5)).isEqualTo("+1.50%");
      assertThat(Formats.fundingRate(0.0001)).isEqualTo("+0.0100%");
      assertThat(Formats.ratio(1.5)).isEqualTo("1.50");
      assertThat(Formats.quantity(1_200)).isEqualTo("1.20K");
      assertThat(Formats.utc(Instant.parse("2026-11-21T20:15:00Z")))
          .isEqualTo("2026-11-21 20:15 UTC");
    } finally {
      Locale.setDefault(saved);
    }
  }
}
