package io.teleglas.alertbot.render;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import java.util.Locale;
import java.util.Optional;

/**
 * Layouts of alerts that count several events: the liquidation storm (which is edited as it grows
 * and closed with its final totals) and the generic layout for rules without one of their own.
 * Stateless.
 */
final class GroupHtml {

  private static final int MAX_RULE_TITLE = 32;

  private GroupHtml() {}

  static Rendered storm(Alert alert, Optional<String> source) {
    boolean over = alert.kind() == AlertKind.RESOLVED;
    String side = alert.side().map(s -> Parts.emoji(s) + " " + Parts.liquidated(s)).orElse("");
    String header =
        (over ? "✅ " : "🌪 ")
            + Parts.tag(alert.coin())
            + (over ? " liquidation storm over" : " liquidation storm")
            + (side.isEmpty() ? "" : ": " + side);
    String usd = Formats.usd(alert.usdValue());
    String totals =
        (over ? "Final: " : "")
            + "<b>"
            + usd
            + "</b> in "
            + Parts.count(alert.eventCount(), "liquidation")
            + " "
            + Parts.span(alert.firstEventTime(), alert.lastEventTime());
    String html =
        "<b>"
            + header
            + "</b>\n"
            + totals
            + "\n"
            + Parts.exchanges(alert.exchanges())
            + Parts.largest(alert.samples())
            + "\n"
            + Parts.footer(alert.firstEventTime(), alert.lastEventTime(), source)
            + (over ? "" : " · ongoing");
    String summary =
        (over ? "✅ " : "🌪 ")
            + Parts.tag(alert.coin())
            + (over ? " storm over" : " storm")
            + alert.side().map(s -> ", " + Parts.liquidated(s)).orElse("")
            + ": <b>"
            + usd
            + "</b> in "
            + alert.eventCount()
            + " · "
            + Formats.utcTime(alert.lastEventTime());
    return new Rendered(html, summary);
  }

  static Rendered generic(Alert alert, Optional<String> source) {
    boolean over = alert.kind() == AlertKind.RESOLVED;
    String title = Html.escape(Parts.cut(alert.rule().replace('-', ' '), MAX_RULE_TITLE));
    String side =
        alert
            .side()
            .map(s -> " · " + s.name().toUpperCase(Locale.ROOT) + " " + Parts.emoji(s))
            .orElse("");
    String header =
        (over ? "✅ " : "🔔 ")
            + Parts.tag(alert.coin())
            + " "
            + title
            + (over ? " over" : "")
            + side;
    String usd = Formats.usd(alert.usdValue());
    String totals =
        (over ? "Final: " : "")
            + "<b>"
            + usd
            + "</b>"
            + (alert.eventCount() == 1
                ? ""
                : " in "
                    + Parts.count(alert.eventCount(), "event")
                    + " "
                    + Parts.span(alert.firstEventTime(), alert.lastEventTime()));
    String html =
        "<b>"
            + header
            + "</b>\n"
            + totals
            + "\n"
            + Parts.exchanges(alert.exchanges())
            + Parts.largest(alert.samples())
            + "\n"
            + Parts.footer(alert.firstEventTime(), alert.lastEventTime(), source);
    String summary =
        header
            + ": <b>"
            + usd
            + "</b>"
            + (alert.eventCount() == 1 ? "" : " in " + alert.eventCount())
            + " · "
            + Formats.utcTime(alert.lastEventTime());
    return new Rendered(html, summary);
  }
}
