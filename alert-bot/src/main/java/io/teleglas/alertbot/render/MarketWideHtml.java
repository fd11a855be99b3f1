package io.teleglas.alertbot.render;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.CoinTotal;
import io.teleglas.core.telegram.Formats;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Layouts of the group alerts beyond one coin's storm: the market cascade (one side liquidated
 * across many coins, edited as it grows and closed with its final totals) and the whale cluster
 * (several large trades on one side of one coin within a minute). Stateless.
 */
final class MarketWideHtml {

  /** Coins listed under "Hit hardest". */
  static final int MAX_COINS = 5;

  /**
   * The most coins a cascade's breakdown carries (docs/alert-rules.md); a full breakdown may leave
   * coins out, so its count reads "10+".
   */
  static final int BREAKDOWN_CAP = 10;

  private MarketWideHtml() {}

  /**
   * {@code 🌊 Market cascade: 🔴 longs liquidated}, the total over all coins, how many coins it
   * covers, the coins hit hardest with their USD and counts, and the exchanges; "ongoing" until
   * RESOLVED, which reads "over" with "Final:" totals.
   */
  static Rendered cascade(Alert alert, Optional<String> source) {
    boolean over = alert.kind() == AlertKind.RESOLVED;
    String side = alert.side().map(s -> Parts.emoji(s) + " " + Parts.liquidated(s)).orElse("");
    String title = (over ? "✅ Market cascade over" : "🌊 Market cascade");
    String usd = Formats.usd(alert.usdValue());
    List<CoinTotal> coins = alert.breakdown();
    String coinCount =
        coins.size() >= BREAKDOWN_CAP
            ? BREAKDOWN_CAP + "+ coins"
            : Parts.count(coins.size(), "coin");
    String totals =
        (over ? "Final: " : "")
            + "<b>"
            + usd
            + "</b> in "
            + Parts.count(alert.eventCount(), "liquidation")
            + " across "
            + coinCount
            + " "
            + Parts.span(alert.firstEventTime(), alert.lastEventTime());
    String hardest =
        coins.stream()
            .limit(MAX_COINS)
            .map(
                t ->
                    "• "
                        + Parts.tag(t.coin())
                        + " "
                        + Formats.usd(t.usdValue())
                        + " · "
                        + Parts.count(t.eventCount(), "liquidation"))
            .collect(Collectors.joining("\n"));
    String html =
        "<b>"
            + title
            + (side.isEmpty() ? "" : ": " + side)
            + "</b>\n"
            + totals
            + "\nHit hardest:\n"
            + hardest
            + "\n"
            + Parts.exchanges(alert.exchanges())
            + "\n"
            + Parts.footer(alert.firstEventTime(), alert.lastEventTime(), source)
            + (over ? "" : " · ongoing");
    String summary =
        title
            + alert.side().map(s -> ", " + Parts.liquidated(s)).orElse("")
            + ": <b>"
            + usd
            + "</b> across "
            + coinCount
            + ", "
            + coins.stream()
                .limit(3)
                .map(t -> Parts.tag(t.coin()) + " " + Formats.usd(t.usdValue()))
                .collect(Collectors.joining(", "))
            + " · "
            + Formats.utcTime(alert.lastEventTime());
    return new Rendered(html, summary);
  }

  /**
   * {@code 🐋 #BTC whale cluster: 🟢 BUY}, the total of the trades counted, their number and span,
   * the exchanges and the largest trades.
   */
  static Rendered cluster(Alert alert, Optional<String> source) {
    boolean over = alert.kind() == AlertKind.RESOLVED;
    String side = alert.side().map(s -> Parts.emoji(s) + " " + s.name()).orElse("");
    String title =
        (over ? "✅ " : "🐋 ") + Parts.tag(alert.coin()) + " whale cluster" + (over ? " over" : "");
    String usd = Formats.usd(alert.usdValue());
    String html =
        "<b>"
            + title
            + (side.isEmpty() ? "" : ": " + side)
            + "</b>\n"
            + "<b>"
            + usd
            + "</b> in "
            + Parts.count(alert.eventCount(), "large trade")
            + " "
            + Parts.span(alert.firstEventTime(), alert.lastEventTime())
            + "\n"
            + Parts.exchanges(alert.exchanges())
            + Parts.largest(alert.samples())
            + "\n"
            + Parts.footer(alert.firstEventTime(), alert.lastEventTime(), source);
    String summary =
        title
            + alert.side().map(s -> " " + s.name()).orElse("")
            + ": <b>"
            + usd
            + "</b> in "
            + Parts.count(alert.eventCount(), "trade")
            + " · "
            + Formats.utcTime(alert.lastEventTime());
    return new Rendered(html, summary);
  }
}
