package io.teleglas.commandbot.command;

import io.teleglas.commandbot.market.MarketData;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.upstream.Fetched;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code /ls <SYMBOL>}: long/short ratios by accounts and top traders on the main exchanges. */
public final class LsCommand extends CoinCommand {
  private static final List<Exchange> EXCHANGES =
      List.of(Exchange.BINANCE, Exchange.BYBIT, Exchange.OKX);
  private static final Map<LongShortRatio.Kind, String> LABELS =
      Map.of(
          LongShortRatio.Kind.GLOBAL_ACCOUNTS, "all accounts",
          LongShortRatio.Kind.TOP_TRADER_ACCOUNTS, "top traders (accounts)",
          LongShortRatio.Kind.TOP_TRADER_POSITIONS, "top traders (positions)");

  private final MarketData market;
  private final Clock clock;

  public LsCommand(MarketData market, Symbols symbols, Clock clock) {
    super(symbols);
    this.market = market;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "ls";
  }

  @Override
  public String description() {
    return "long/short ratios: accounts and top traders";
  }

  @Override
  public String usage() {
    return "BTC";
  }

  @Override
  Reply reply(Coin coin, CommandRequest request) {
    List<CompletableFuture<Fetched<LongShortRatio>>> calls = new ArrayList<>();
    for (Exchange e : EXCHANGES) {
      for (LongShortRatio.Kind k : LongShortRatio.Kind.values()) {
        calls.add(market.longShort(coin, k, e));
      }
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    StringBuilder out = new StringBuilder("<b>#" + coin.symbol() + " long/short</b>\n");
    Set<String> sources = new LinkedHashSet<>();
    int i = 0;
    for (Exchange e : EXCHANGES) {
      out.append("\n<b>").append(Html.escape(e.name())).append("</b>\n");
      for (LongShortRatio.Kind k : LongShortRatio.Kind.values()) {
        Fetched<LongShortRatio> f = calls.get(i++).join();
        out.append(LABELS.get(k)).append("  ");
        if (f instanceof Fetched.Value<LongShortRatio> v) {
          sources.add(v.source());
          LongShortRatio ratio = v.value();
          out.append(Formats.ratio(ratio.ratio()))
              .append("  ")
              .append(Math.round(100 * ratio.longShare()))
              .append("% long / ")
              .append(Math.round(100 * (1 - ratio.longShare())))
              .append("% short");
        } else if (f instanceof Fetched.Unavailable<LongShortRatio> u
            && u.reason() == Fetched.Reason.NOT_OFFERED) {
          out.append("<i>not published</i>");
        } else {
          out.append(Unavailable.because(f));
        }
        out.append('\n');
      }
    }
    out.append("\n<i>")
        .append(Html.escape(sources.isEmpty() ? "no source answered" : String.join(", ", sources)))
        .append(" · ")
        .append(Formats.utc(clock.instant()))
        .append("</i>");
    return Reply.refreshable(out.toString(), "/ls " + coin.symbol());
  }
}
