package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Exchange;
import io.teleglas.core.telegram.Formats;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One line of plain text per alert, for {@code --dry-run} and logs. The Telegram HTML layout is the
 * delivery's job.
 */
public final class AlertText {

  /** How many coins of a market-wide alert's breakdown the line names. */
  static final int LINE_COINS = 5;

  private AlertText() {}

  public static String line(Alert a) {
    String side = a.side().map(s -> " " + s.name().toLowerCase(Locale.ROOT)).orElse("");
    String exchanges =
        a.exchanges().stream().map(Exchange::name).sorted().collect(Collectors.joining(", "));
    String head =
        String.format(
            Locale.ROOT,
            "ALERT %-10s %-20s #%s%s ",
            a.kind().name().toLowerCase(Locale.ROOT),
            a.rule(),
            a.coin().symbol(),
            side);
    String time = " · " + Formats.utcTime(a.lastEventTime());
    if (a.reading().isPresent()) {
      return head + reading(a.reading().get(), a) + " on " + exchanges + time;
    }
    return head
        + String.format(
            Locale.ROOT,
            "%s (%d event%s)",
            Formats.usd(a.usdValue()),
            a.eventCount(),
            a.eventCount() == 1 ? "" : "s")
        + coins(a)
        + " on "
        + exchanges
        + time;
  }

  private static String reading(Reading reading, Alert a) {
    if (reading instanceof Reading.Funding f) {
      return String.format(Locale.ROOT, "funding %+.4f%%/8h", f.ratePer8h() * 100)
          + (a.hasUsdValue() ? ", open interest " + Formats.usd(a.usdValue()) : "");
    }
    Reading.OpenInterestChange c = (Reading.OpenInterestChange) reading;
    return String.format(
        Locale.ROOT,
        "open interest %+.2f%% in %s (%s → %s)",
        c.changePercent(),
        minutes(Duration.between(c.beforeTime(), c.afterTime())),
        Formats.usd(c.beforeUsd()),
        Formats.usd(c.afterUsd()));
  }

  private static String minutes(Duration d) {
    long seconds = d.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
  }

  private static String coins(Alert a) {
    if (a.breakdown().isEmpty()) {
      return "";
    }
    return " ["
        + a.breakdown().stream()
            .limit(LINE_COINS)
            .map(t -> t.coin().symbol() + " " + Formats.usd(t.usdValue()))
            .collect(Collectors.joining(", "))
        + (a.breakdown().size() > LINE_COINS ? ", …" : "")
        + "]";
  }
}
