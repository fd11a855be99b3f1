package io.teleglas.alertbot.render;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.AlertSide;
import io.teleglas.alertbot.alert.Reading;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import java.time.Duration;
import java.time.Instant;

/**
 * Layouts of alerts about a polled reading: an extreme funding rate ({@code funding-extreme}) and
 * an open-interest move ({@code oi-spike}). They show what was measured, as the source gave it, and
 * name that source ("source: CoinGlass") instead of the stream that fed the engine, which did not
 * feed these. The alert's USD value (open interest) is shown only when it is known. Stateless.
 */
final class ReadingHtml {

  private static final int MAX_SOURCE = 24;
  private static final Duration YEAR = Duration.ofDays(365);

  private ReadingHtml() {}

  /**
   * {@code 💸 #BTC extreme funding on Bybit: -0.1034% / 8h}, who pays, the rate per interval and
   * per year, the level crossed and the exchange's open interest; RESOLVED reads "back to normal",
   * or "over" when the rate flipped sign without falling below the resolve level.
   */
  static Rendered funding(Alert alert, Reading.Funding f) {
    String exchange = Html.escape(Parts.cut(f.exchange().name(), MAX_SOURCE));
    String per8h = Formats.fundingRate(f.ratePer8h());
    String level = "±" + Formats.fundingRate(f.thresholdPer8h()).substring(1) + " per 8h";
    String title;
    String levelLine;
    if (alert.kind() == AlertKind.RESOLVED) {
      boolean calm = Math.abs(f.ratePer8h()) < f.thresholdPer8h();
      title =
          "✅ "
              + Parts.tag(alert.coin())
              + (calm ? " funding back to normal on " : " extreme funding over on ")
              + exchange;
      levelLine =
          calm
              ? "Below the resolve level of " + level
              : "The sign changed: "
                  + alert
                      .side()
                      .map(s -> s == AlertSide.LONG ? "longs" : "shorts")
                      .orElse("the side that paid")
                  + " no longer pay";
    } else {
      title = "💸 " + Parts.tag(alert.coin()) + " extreme funding on " + exchange;
      levelLine = "Alert level " + level;
    }
    String html =
        "<b>"
            + title
            + ": "
            + per8h
            + " / 8h</b>\n"
            + payer(f.rate())
            + ": "
            + perInterval(f)
            + ", "
            + annualized(f)
            + " a year\n"
            + levelLine
            + openInterest(alert, exchange)
            + "\n"
            + footer(f.time(), f.time(), f.source());
    String summary = title + ": <b>" + per8h + " / 8h</b> · " + Formats.utcTime(f.time());
    return new Rendered(html, summary);
  }

  /**
   * {@code 📈 #BTC open interest +4.20% in 15m}, before → after in USD, the exchanges summed and
   * the two readings' times; RESOLVED reads "steady again" with the largest move left in the
   * window.
   */
  static Rendered openInterest(Alert alert, Reading.OpenInterestChange oi) {
    double change = oi.changePercent();
    String window = Formats.duration(Duration.between(oi.beforeTime(), oi.afterTime()));
    boolean over = alert.kind() == AlertKind.RESOLVED;
    String title =
        (over ? "✅ " : change >= 0 ? "📈 " : "📉 ")
            + Parts.tag(alert.coin())
            + (over ? " open interest steady again" : " open interest");
    String move = Formats.signedPercent(change) + " in " + window;
    String html =
        "<b>"
            + title
            + ": "
            + move
            + "</b>\n"
            + Formats.usd(oi.beforeUsd())
            + " → <b>"
            + Formats.usd(oi.afterUsd())
            + "</b>"
            + (over ? " (largest move left in the window)" : "")
            + "\n"
            + Parts.exchanges(oi.exchanges())
            + "\n"
            + footer(oi.beforeTime(), oi.afterTime(), oi.source());
    String summary =
        title
            + ": <b>"
            + move
            + "</b>, "
            + Formats.usd(oi.afterUsd())
            + " · "
            + Formats.utcTime(oi.afterTime());
    return new Rendered(html, summary);
  }

  private static String payer(double rate) {
    if (rate > 0) {
      return "Longs pay shorts";
    }
    return rate < 0 ? "Shorts pay longs" : "No one pays";
  }

  /** {@code -0.1034% every 8h}, or for another interval {@code +0.0125% every 1h}. */
  private static String perInterval(Reading.Funding f) {
    return Formats.fundingRate(f.rate()) + " every " + Formats.duration(f.interval());
  }

  /** The rate over 365 days without compounding, from the rate and interval as published. */
  private static String annualized(Reading.Funding f) {
    double perYear = f.rate() * ((double) YEAR.toNanos() / f.interval().toNanos());
    return Formats.signedPercent(perYear * 100);
  }

  private static String openInterest(Alert alert, String exchange) {
    if (!alert.hasUsdValue()) {
      return "";
    }
    return "\nOpen interest on " + exchange + ": " + Formats.usd(alert.usdValue());
  }

  private static String footer(Instant first, Instant last, String source) {
    String time;
    if (first.equals(last)) {
      time = Formats.utcTime(last);
    } else {
      String from = Formats.utcTime(first);
      time = from.substring(0, from.length() - 4) + " → " + Formats.utcTime(last);
    }
    String name = source.strip();
    return "🕒 "
        + time
        + (name.isEmpty() ? "" : " · source: " + Html.escape(Parts.cut(name, MAX_SOURCE)));
  }
}
