package io.teleglas.commandbot.command;

import static io.teleglas.core.telegram.Formats.usd;

import io.teleglas.commandbot.market.MarketData;
import io.teleglas.commandbot.market.OpenInterestTable;
import io.teleglas.core.market.Coin;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.upstream.Fetched;
import java.time.Clock;

/** {@code /oi <SYMBOL>}: open interest per exchange with its 1h/4h/24h changes. */
public final class OiCommand extends CoinCommand {
  private static final int MAX_EXCHANGES = 10;

  private final MarketData market;
  private final Clock clock;

  public OiCommand(MarketData market, Symbols symbols, Clock clock) {
    super(symbols);
    this.market = market;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "oi";
  }

  @Override
  public String description() {
    return "open interest by exchange and its changes";
  }

  @Override
  public String usage() {
    return "ETH";
  }

  @Override
  Reply reply(Coin coin, CommandRequest request) {
    Fetched<OpenInterestTable> f = market.openInterest(coin).join();
    String head = "<b>#" + coin.symbol() + " open interest</b>\n";
    if (!(f instanceof Fetched.Value<OpenInterestTable> v)) {
      return new Reply(head + Unavailable.because(f));
    }
    OpenInterestTable t = v.value();
    StringBuilder out = new StringBuilder(head);
    out.append("Total  ").append(usd(t.totalUsd()));
    String change = RawCommand.windows(t.totalChange(), Formats::signedPercent);
    out.append(change.isEmpty() ? "" : "  " + change).append('\n');
    if (!t.scope().equals("all exchanges")) {
      out.append("<i>total of ").append(Html.escape(t.scope())).append(" only</i>\n");
    }
    out.append('\n');
    t.rows().stream()
        .limit(MAX_EXCHANGES)
        .forEach(
            row -> {
              out.append(Html.escape(row.exchange().name())).append("  ").append(usd(row.usd()));
              if (t.totalUsd() > 0) {
                out.append(" (").append(Math.round(100 * row.usd() / t.totalUsd())).append("%)");
              }
              String c = RawCommand.windows(row.change(), Formats::signedPercent);
              out.append(c.isEmpty() ? "" : "  " + c).append('\n');
            });
    out.append("\n<i>")
        .append(Html.escape(v.source()))
        .append(" · ")
        .append(Formats.utc(clock.instant()))
        .append("</i>");
    return Reply.refreshable(out.toString(), "/oi " + coin.symbol());
  }
}
