package io.teleglas.alertbot;

import io.teleglas.alertbot.stream.IngestQueue;
import io.teleglas.alertbot.stream.SourcedEvent;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.Trade;
import io.teleglas.core.telegram.Formats;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code --dry-run}: drains the ingest queue on its own thread and prints every normalized event,
 * one line each, to stdout. Stops when interrupted.
 */
final class DryRunPrinter implements Runnable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final IngestQueue queue;
  private final PrintStream out;

  DryRunPrinter(IngestQueue queue, PrintStream out) {
    this.queue = queue;
    this.out = out;
  }

  @Override
  public void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        SourcedEvent e = queue.take(Duration.ofSeconds(1));
        if (e != null) {
          out.println(line(e));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String line(SourcedEvent sourced) {
    MarketEvent e = sourced.event();
    String what;
    if (e instanceof Liquidation l) {
      what =
          String.format(
              Locale.ROOT,
              "LIQ    %-6s %-5s liquidated",
              l.coin().symbol(),
              l.side().name().toLowerCase(Locale.ROOT));
    } else {
      Trade t = (Trade) e;
      what =
          String.format(
              Locale.ROOT,
              "TRADE  %-6s taker %-4s  ",
              t.coin().symbol(),
              t.side().name().toLowerCase(Locale.ROOT));
    }
    double price = e instanceof Liquidation l ? l.price() : ((Trade) e).price();
    String instrument = e instanceof Liquidation l ? l.instrument() : ((Trade) e).instrument();
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
}
