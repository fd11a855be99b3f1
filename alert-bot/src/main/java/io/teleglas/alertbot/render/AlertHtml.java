package io.teleglas.alertbot.render;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.LargeLiquidationRule;
import io.teleglas.alertbot.alert.LiquidationStormRule;
import io.teleglas.alertbot.alert.MarketCascadeRule;
import io.teleglas.alertbot.alert.Reading;
import io.teleglas.alertbot.alert.WhaleClusterRule;
import io.teleglas.alertbot.alert.WhaleTradeRule;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.Trade;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import java.util.Objects;
import java.util.Optional;

/**
 * How an alert looks in Telegram: one layout per rule, the same shape for all of them (a bold
 * header line with the coin's hashtag, side and USD value, detail lines, then the event time in
 * UTC), short enough to read on a phone without scrolling. Alerts about a polled reading (funding,
 * open interest) are laid out by what they measured and name the source that measured it; their USD
 * value is shown only when known ({@link Alert#hasUsdValue()}). A rule this class does not know
 * gets a generic layout built from the alert's fields, so new rules are shown before they get their
 * own.
 *
 * <p>Only what the alert carries is shown: a price only from a sample event, never a number made up
 * to fill a line. Upstream strings are escaped and cut to bounded lengths, so every message is
 * valid Telegram HTML under 4096 characters. Stateless and thread-safe.
 */
public final class AlertHtml {

  private AlertHtml() {}

  /** The alert's message and digest line, without naming the source that fed it. */
  public static Rendered render(Alert alert) {
    return render(alert, Optional.empty());
  }

  /**
   * The alert's message and digest line.
   *
   * @param source the source that fed the engine (as in {@code ALERT_SOURCES}), shown as "via
   *     binance" when present
   */
  public static Rendered render(Alert alert, Optional<String> source) {
    Objects.requireNonNull(alert, "alert is null");
    Objects.requireNonNull(source, "source is null");
    Rendered body = body(alert, source);
    if (alert.kind() != AlertKind.ESCALATION) {
      return body;
    }
    return new Rendered(
        "⏫ <b>Escalation</b>: far larger than the last alert\n" + body.html(),
        "⏫ " + body.summary());
  }

  /** {@link #render(Alert)} as the chat shows it, without markup: for the console and the demo. */
  public static String plain(Alert alert) {
    return render(alert).plain();
  }

  /**
   * One liquidation or trade on its own, in the layout of a large-liquidation or whale-trade alert;
   * used for personal subscriptions, whose events may be below the channel's thresholds.
   */
  public static Rendered event(MarketEvent event, Optional<String> source) {
    Objects.requireNonNull(event, "event is null");
    Objects.requireNonNull(source, "source is null");
    return event instanceof Liquidation l ? liquidation(l, source) : trade((Trade) event, source);
  }

  private static Rendered body(Alert alert, Optional<String> source) {
    // By what was measured, not by rule name: only a reading alert may lack its USD value, and
    // the reading layouts are the ones that know not to show it.
    Reading reading = alert.reading().orElse(null);
    if (reading instanceof Reading.Funding f) {
      return ReadingHtml.funding(alert, f);
    }
    if (reading instanceof Reading.OpenInterestChange oi) {
      return ReadingHtml.openInterest(alert, oi);
    }
    MarketEvent first = alert.samples().isEmpty() ? null : alert.samples().get(0);
    return switch (alert.rule()) {
      case LargeLiquidationRule.NAME ->
          first instanceof Liquidation l && alert.eventCount() == 1
              ? liquidation(l, source)
              : GroupHtml.generic(alert, source);
      case WhaleTradeRule.NAME ->
          first instanceof Trade t && alert.eventCount() == 1
              ? trade(t, source)
              : GroupHtml.generic(alert, source);
      case LiquidationStormRule.NAME -> GroupHtml.storm(alert, source);
      case MarketCascadeRule.NAME ->
          alert.breakdown().isEmpty()
              ? GroupHtml.generic(alert, source)
              : MarketWideHtml.cascade(alert, source);
      case WhaleClusterRule.NAME -> MarketWideHtml.cluster(alert, source);
      default -> GroupHtml.generic(alert, source);
    };
  }

  private static Rendered liquidation(Liquidation l, Optional<String> source) {
    String header =
        Parts.emoji(l.side()) + " " + Parts.tag(l.coin()) + " " + l.side().name() + " liquidated";
    return single(header, l, source);
  }

  private static Rendered trade(Trade t, Optional<String> source) {
    String header =
        "🐋 " + Parts.tag(t.coin()) + " whale " + t.side().name() + " " + Parts.emoji(t.side());
    return single(header, t, source);
  }

  private static Rendered single(String header, MarketEvent event, Optional<String> source) {
    String usd = Formats.usd(event.usdValue());
    String html =
        "<b>"
            + header
            + ": "
            + usd
            + "</b>\n"
            + Parts.priceAndSize(event)
            + "\n"
            + Parts.venue(event)
            + "\n"
            + Parts.footer(event.time(), source);
    String summary =
        header
            + " <b>"
            + usd
            + "</b> · "
            + Html.escape(event.exchange().name())
            + " · "
            + Formats.utcTime(event.time());
    return new Rendered(html, summary);
  }
}
