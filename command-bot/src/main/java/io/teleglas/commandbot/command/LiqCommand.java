package io.teleglas.commandbot.command;

import static io.teleglas.core.telegram.Formats.usd;

import io.teleglas.commandbot.market.MarketData;
import io.teleglas.core.coinglass.ExchangeLiquidations;
import io.teleglas.core.coinglass.Window;
import io.teleglas.core.market.Coin;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.upstream.Fetched;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /liq <SYMBOL> [1h|4h|12h|24h]}: long and short liquidations over the window, per exchange,
 * the dominant side and one plain-language line on what it means.
 */
public final class LiqCommand extends CoinCommand {
  private static final Map<String, Window> WINDOWS =
      Map.of(
          "1h", Window.H1, "4h", Window.H4, "12h", Window.H12, "24h", Window.H24, "1d", Window.H24);
  private static final int MAX_EXCHANGES = 8;

  private final MarketData market;
  private final Clock clock;

  public LiqCommand(MarketData market, Symbols symbols, Clock clock) {
    super(symbols);
    this.market = market;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "liq";
  }

  @Override
  public String description() {
    return "liquidations by exchange over 1h, 4h, 12h or 24h";
  }

  @Override
  public String usage() {
    return "BTC 4h";
  }

  @Override
  Reply reply(Coin coin, CommandRequest request) {
    String windowArg =
        request.args().size() > 1 ? request.args().get(1).toLowerCase(Locale.ROOT) : "24h";
    Window window = WINDOWS.get(windowArg);
    if (window == null) {
      return new Reply(
          "The window can be 1h, 4h, 12h or 24h. For example: <code>/liq "
              + coin.symbol()
              + " 4h</code>");
    }
    Fetched<ExchangeLiquidations> f = market.liquidations(coin, window).join();
    String head = "<b>#" + coin.symbol() + " liquidations · " + window.code() + "</b>\n";
    if (!(f instanceof Fetched.Value<ExchangeLiquidations> v)) {
      return new Reply(head + Unavailable.because(f));
    }
    return Reply.refreshable(
        head + render(v.value(), v.source()), "/liq " + coin.symbol() + " " + window.code());
  }

  private String render(ExchangeLiquidations liq, String source) {
    double longs =
        liq.total()
            .map(ExchangeLiquidations.Row::longUsd)
            .orElse(liq.exchanges().stream().mapToDouble(ExchangeLiquidations.Row::longUsd).sum());
    double shorts =
        liq.total()
            .map(ExchangeLiquidations.Row::shortUsd)
            .orElse(liq.exchanges().stream().mapToDouble(ExchangeLiquidations.Row::shortUsd).sum());
    StringBuilder out = new StringBuilder();
    out.append("🔴 Longs  ").append(usd(longs)).append('\n');
    out.append("🟢 Shorts ").append(usd(shorts)).append('\n');
    out.append("Total  ").append(usd(longs + shorts)).append('\n');
    out.append(dominance(longs, shorts)).append("\n\n");
    if (!liq.exchanges().isEmpty()) {
      out.append("<b>By exchange</b>  long / short\n");
      liq.exchanges().stream()
          .sorted((a, b) -> Double.compare(b.totalUsd(), a.totalUsd()))
          .limit(MAX_EXCHANGES)
          .forEach(
              row ->
                  out.append(Html.escape(row.exchange().name()))
                      .append("  ")
                      .append(usd(row.longUsd()))
                      .append(" / ")
                      .append(usd(row.shortUsd()))
                      .append('\n'));
      out.append('\n');
    }
    out.append("<i>")
        .append(Html.escape(source))
        .append(" · ")
        .append(Formats.utc(clock.instant()))
        .append("</i>");
    return out.toString();
  }

  /** Which side was hit harder, and what that usually means, in one line. */
  static String dominance(double longs, double shorts) {
    double total = longs + shorts;
    if (total <= 0) {
      return "No liquidations in this window.";
    }
    double longShare = longs / total;
    if (longShare >= 0.6) {
      return "Longs took "
          + Math.round(100 * longShare)
          + "% of the liquidations: forced selling, price was pushed down through long stops.";
    }
    if (longShare <= 0.4) {
      return "Shorts took "
          + Math.round(100 * (1 - longShare))
          + "% of the liquidations: forced buying, a short squeeze pushed price up.";
    }
    return "Longs "
        + Math.round(100 * longShare)
        + "% / shorts "
        + Math.round(100 * (1 - longShare))
        + "%: both sides were flushed, no clear squeeze.";
  }
}
