package io.teleglas.commandbot.command;

import static io.teleglas.core.telegram.Formats.fundingRate;
import static io.teleglas.core.telegram.Formats.signedPercent;

import io.teleglas.commandbot.market.FundingTable;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.core.coinglass.FundingExtremes;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.SymbolResolution;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.upstream.Fetched;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /funding [SYMBOL]}: current funding per exchange with the annualised rate; without a
 * symbol, the coins with the most extreme funding on the main venues.
 */
public final class FundingCommand implements ChatCommand {
  private static final int EXTREMES_PER_SIDE = 5;
  private static final int MAX_EXCHANGES = 12;

  private final MarketData market;
  private final Symbols symbols;
  private final Clock clock;

  public FundingCommand(MarketData market, Symbols symbols, Clock clock) {
    this.market = market;
    this.symbols = symbols;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "funding";
  }

  @Override
  public String description() {
    return "funding by exchange; without a coin, the extremes";
  }

  @Override
  public String usage() {
    return "SOL";
  }

  @Override
  public Reply reply(CommandRequest request) {
    if (request.args().isEmpty()) {
      return extremes();
    }
    SymbolResolution r = symbols.resolve(request.args());
    if (r instanceof SymbolResolution.Rejected rejected) {
      return Symbols.usage(name(), usage(), rejected, false);
    }
    Coin coin = Symbols.coin(r).orElseThrow();
    Fetched<FundingTable> f = market.funding(coin).join();
    String head = "<b>#" + coin.symbol() + " funding</b>\n";
    if (!(f instanceof Fetched.Value<FundingTable> v)) {
      return new Reply(head + Unavailable.because(f));
    }
    FundingTable t = v.value();
    StringBuilder out = new StringBuilder(head);
    t.oiWeighted()
        .ifPresent(
            w ->
                out.append("OI-weighted  ")
                    .append(fundingRate(w))
                    .append(" <i>(over ")
                    .append(t.weightedOver())
                    .append(" exchanges)</i>\n"));
    t.nextFunding()
        .ifPresent(n -> out.append("Next settlement  ").append(Formats.utcTime(n)).append('\n'));
    out.append("\n<b>Exchange</b>  rate / interval · APR\n");
    t.rates().stream()
        .sorted(Comparator.comparingDouble((FundingRate x) -> Math.abs(x.annualized())).reversed())
        .limit(MAX_EXCHANGES)
        .forEach(rate -> out.append(line(rate)).append('\n'));
    out.append("\n<i>")
        .append(Html.escape(v.source()))
        .append(" · ")
        .append(Formats.utc(clock.instant()))
        .append("</i>");
    return Reply.refreshable(out.toString(), "/funding " + coin.symbol());
  }

  private Reply extremes() {
    Fetched<FundingExtremes> f = market.fundingExtremes(EXTREMES_PER_SIDE).join();
    String head = "<b>Most extreme funding</b> (Binance, Bybit, OKX, Hyperliquid)\n";
    if (!(f instanceof Fetched.Value<FundingExtremes> v)) {
      return new Reply(
          head
              + Unavailable.because(f)
              + "\nAsk for one coin instead, for example <code>/funding BTC</code>.");
    }
    StringBuilder out = new StringBuilder(head);
    out.append("\n<b>Longs pay</b>\n");
    rows(out, v.value().highest());
    out.append("\n<b>Shorts pay</b>\n");
    rows(out, v.value().lowest());
    out.append("\n<i>")
        .append(Html.escape(v.source()))
        .append(" · ")
        .append(Formats.utc(clock.instant()))
        .append("</i>");
    return Reply.refreshable(out.toString(), "/funding");
  }

  private static void rows(StringBuilder out, List<FundingRate> rates) {
    if (rates.isEmpty()) {
      out.append("<i>none</i>\n");
    }
    rates.forEach(
        r -> out.append("#").append(r.coin().symbol()).append("  ").append(line(r)).append('\n'));
  }

  private static String line(FundingRate r) {
    return Html.escape(r.exchange().name())
        + "  "
        + fundingRate(r.rate())
        + " / "
        + r.interval().toHours()
        + "h · "
        + signedPercent(100 * r.annualized())
        + " APR";
  }
}
