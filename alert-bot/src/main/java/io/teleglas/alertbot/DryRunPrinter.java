package io.teleglas.alertbot;

import io.teleglas.alertbot.stream.SourcedEvent;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.Trade;
import io.teleglas.core.telegram.Formats;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code --dry-run}: one line per normalized event. */
final class DryRunPrinter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DryRunPrinter() {}

  static String line(SourcedEvent sourced) {
    MarketEvent e = sourced.event();
    String what;
    double price;
    String instrument;
    if (e instanceof Liquidation l) {
      what =
          String.format(
              Locale.ROOT, "LIQ    %-6s %-5s liquidated", l.coin().symbol(), lower(l.side()));
      price = l.price();
      instrument = l.instrument();
    } else {
      Trade t = (Trade) e;
      what =
          String.format(
              Locale.ROOT, "TRADE  %-6s taker %-4s  ", t.coin().symbol(), lower(t.side()));
      price = t.price();
      instrument = t.instrument();
    }
    return String.format(
        Locale.ROOT,
        "%s %-11s %s %9s @ %s  %s %s",
        TIME.format(e.time()),
        sourced.source(),
        what,
        Formats.usd(e.usdValue()),
        Formats.usdPrice(price),
        e.exchange().name(),
        instrument);
  }

  private static String lower(Enum<?> side) {
    return side.name().toLowerCase(Locale.ROOT);
  }
}
