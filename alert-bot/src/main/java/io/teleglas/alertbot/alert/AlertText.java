package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Exchange;
import io.teleglas.core.telegram.Formats;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One line of plain text per alert, for {@code --dry-run} and logs. The Telegram HTML layout is the
 * delivery's job.
 */
public final class AlertText {
  private AlertText() {}

  public static String line(Alert a) {
    String side = a.side().map(s -> " " + s.name().toLowerCase(Locale.ROOT)).orElse("");
    String exchanges =
        a.exchanges().stream().map(Exchange::name).sorted().collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "ALERT %-10s %-20s #%s%s %s (%d event%s) on %s · %s",
        a.kind().name().toLowerCase(Locale.ROOT),
        a.rule(),
        a.coin().symbol(),
        side,
        Formats.usd(a.usdValue()),
        a.eventCount(),
        a.eventCount() == 1 ? "" : "s",
        exchanges,
        Formats.utcTime(a.lastEventTime()));
  }
}
