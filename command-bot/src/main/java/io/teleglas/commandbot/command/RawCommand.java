package io.teleglas.commandbot.command;

import static io.teleglas.core.telegram.Formats.fundingRate;
import static io.teleglas.core.telegram.Formats.signedPercent;
import static io.teleglas.core.telegram.Formats.usd;
import static io.teleglas.core.telegram.Formats.usdPrice;

import io.teleglas.commandbot.market.FundingTable;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.commandbot.market.OpenInterestTable;
import io.teleglas.core.coinglass.ByWindow;
import io.teleglas.core.coinglass.ExchangeLiquidations;
import io.teleglas.core.coinglass.PriceChanges;
import io.teleglas.core.coinglass.RsiValues;
import io.teleglas.core.coinglass.TakerVolume;
import io.teleglas.core.coinglass.Window;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.upstream.Fetched;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * {@code /raw <SYMBOL>}: the full market snapshot of one coin. Every upstream call starts at once
 * and is bounded by the market data's deadline; whatever is missing is named with its reason.
 */
public final class RawCommand extends CoinCommand {
  static final List<Window> WINDOWS = List.of(Window.H1, Window.H4, Window.H24);

  private final MarketData market;
  private final Clock clock;

  public RawCommand(MarketData market, Symbols symbols, Clock clock) {
    super(symbols);
    this.market = market;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "raw";
  }

  @Override
  public String description() {
    return "full market snapshot of a coin";
  }

  @Override
  public String usage() {
    return "BTC";
  }

  @Override
  Reply reply(Coin coin, CommandRequest request) {
    Snapshot s = new Snapshot(coin, market);
    s.all().join();
    return Reply.refreshable(render(s), "/raw " + coin.symbol());
  }

  /** Every figure of the snapshot, requested concurrently. */
  static final class Snapshot {
    final Coin coin;
    final CompletableFuture<Fetched<Ticker>> ticker;
    final CompletableFuture<Fetched<PriceChanges>> changes;
    final CompletableFuture<Fetched<Double>> volume;
    final CompletableFuture<Fetched<OpenInterestTable>> oi;
    final CompletableFuture<Fetched<FundingTable>> funding;
    final Map<Window, CompletableFuture<Fetched<ExchangeLiquidations>>> liquidations =
        new EnumMap<>(Window.class);
    final Map<Window, CompletableFuture<Fetched<TakerVolume>>> taker = new EnumMap<>(Window.class);
    final Map<LongShortRatio.Kind, CompletableFuture<Fetched<LongShortRatio>>> longShort =
        new EnumMap<>(LongShortRatio.Kind.class);
    final CompletableFuture<Fetched<RsiValues>> rsi;

    Snapshot(Coin coin, MarketData market) {
      this.coin = coin;
      ticker = market.ticker(coin);
      changes = market.priceChanges(coin);
      volume = market.volume24h(coin);
      oi = market.openInterest(coin);
      funding = market.funding(coin);
      for (Window w : WINDOWS) {
        liquidations.put(w, market.liquidations(coin, w));
        taker.put(w, market.takerVolume(coin, w));
      }
      for (LongShortRatio.Kind k : LongShortRatio.Kind.values()) {
        longShort.put(k, market.longShort(coin, k));
      }
      rsi = market.rsi(coin);
    }

    CompletableFuture<Void> all() {
      List<CompletableFuture<?>> futures =
          new java.util.ArrayList<>(List.of(ticker, changes, volume, oi, funding, rsi));
      futures.addAll(liquidations.values());
      futures.addAll(taker.values());
      futures.addAll(longShort.values());
      return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }
  }

  private String render(Snapshot s) {
    Set<String> sources = new LinkedHashSet<>();
    StringBuilder out = new StringBuilder();
    Fetched<Ticker> ticker = s.ticker.join();
    out.append("<b>#").append(s.coin.symbol()).append("</b>");
    if (ticker instanceof Fetched.Value<Ticker> t) {
      sources.add(t.source());
      out.append("  ")
          .append(usdPrice(t.value().price()))
          .append("  <i>")
          .append(Html.escape(t.source()))
          .append("</i>\n");
    } else {
      out.append("  price ").append(Unavailable.because(ticker)).append('\n');
    }
    out.append(priceChangeLine(s, ticker, sources));
    out.append(rangeLine(ticker, s.volume.join(), sources));
    out.append('\n').append(openInterest(s.oi.join(), sources));
    out.append('\n').append(funding(s.funding.join(), sources));
    out.append('\n').append(liquidations(s, sources));
    out.append('\n').append(longShort(s, sources));
    out.append('\n').append(taker(s, sources));
    out.append('\n').append(rsi(s.rsi.join(), sources));
    out.append("\n<i>")
        .append(
            Html.escape(
                String.join(", ", sources.isEmpty() ? Set.of("no source answered") : sources)))
        .append(" · ")
        .append(Formats.utc(clock.instant()))
        .append("</i>");
    return out.toString();
  }

  private static String priceChangeLine(Snapshot s, Fetched<Ticker> ticker, Set<String> sources) {
    Fetched<PriceChanges> changes = s.changes.join();
    if (changes instanceof Fetched.Value<PriceChanges> c) {
      sources.add(c.source());
      return "Change  " + windows(c.value().changePercent(), Formats::signedPercent) + "\n";
    }
    if (ticker instanceof Fetched.Value<Ticker> t && t.value().change24hPercent().isPresent()) {
      return "Change  24h "
          + signedPercent(t.value().change24hPercent().getAsDouble())
          + "  <i>(1h/4h "
          + Unavailable.because(changes).replace("<i>", "").replace("</i>", "")
          + ")</i>\n";
    }
    return "Change  " + Unavailable.because(changes) + "\n";
  }

  private static String rangeLine(
      Fetched<Ticker> ticker, Fetched<Double> volume, Set<String> sources) {
    StringBuilder line = new StringBuilder("24h  ");
    if (ticker instanceof Fetched.Value<Ticker> t
        && t.value().high24h().isPresent()
        && t.value().low24h().isPresent()) {
      line.append("range ")
          .append(usdPrice(t.value().low24h().getAsDouble()))
          .append(" – ")
          .append(usdPrice(t.value().high24h().getAsDouble()));
    } else {
      line.append("range <i>unavailable</i>");
    }
    line.append(" · volume ");
    if (volume instanceof Fetched.Value<Double> v) {
      sources.add(v.source());
      line.append(usd(v.value()));
    } else {
      line.append(Unavailable.because(volume));
    }
    return line.append('\n').toString();
  }

  static String openInterest(Fetched<OpenInterestTable> oi, Set<String> sources) {
    if (!(oi instanceof Fetched.Value<OpenInterestTable> v)) {
      return "<b>Open interest</b>  " + Unavailable.because(oi) + "\n";
    }
    sources.add(v.source());
    OpenInterestTable t = v.value();
    StringBuilder out = new StringBuilder("<b>Open interest</b>  ").append(usd(t.totalUsd()));
    String change = windows(t.totalChange(), Formats::signedPercent);
    if (!change.isEmpty()) {
      out.append("  ").append(change);
    }
    out.append('\n');
    String top =
        t.rows().stream()
            .limit(4)
            .map(
                r ->
                    Html.escape(r.exchange().name())
                        + " "
                        + usd(r.usd())
                        + (t.totalUsd() > 0
                            ? " (" + Math.round(100 * r.usd() / t.totalUsd()) + "%)"
                            : ""))
            .collect(Collectors.joining(" · "));
    if (!top.isEmpty()) {
      out.append(top).append('\n');
    }
    if (!t.scope().equals("all exchanges")) {
      out.append("<i>total of ").append(Html.escape(t.scope())).append(" only</i>\n");
    }
    return out.toString();
  }

  static String funding(Fetched<FundingTable> funding, Set<String> sources) {
    if (!(funding instanceof Fetched.Value<FundingTable> v)) {
      return "<b>Funding</b>  " + Unavailable.because(funding) + "\n";
    }
    sources.add(v.source());
    FundingTable t = v.value();
    StringBuilder out = new StringBuilder("<b>Funding</b>");
    if (t.oiWeighted().isPresent()) {
      out.append("  OI-weighted ").append(fundingRate(t.oiWeighted().getAsDouble()));
    }
    t.nextFunding().ifPresent(n -> out.append(" · next ").append(Formats.utcTime(n)));
    out.append('\n');
    String main =
        MarketData.MAIN_VENUES.stream()
            .flatMap(e -> t.rates().stream().filter(r -> r.exchange().equals(e)).limit(1))
            .map(r -> Html.escape(r.exchange().name()) + " " + fundingRate(r.rate()) + interval(r))
            .collect(Collectors.joining(" · "));
    out.append(main.isEmpty() ? "<i>no main venue lists it</i>" : main).append('\n');
    return out.toString();
  }

  private static String interval(FundingRate r) {
    Duration i = r.interval();
    return i.equals(Duration.ofHours(8)) ? "" : "/" + i.toHours() + "h";
  }

  private static String liquidations(Snapshot s, Set<String> sources) {
    StringBuilder out = new StringBuilder("<b>Liquidations</b>  long / short\n");
    for (Window w : WINDOWS) {
      Fetched<ExchangeLiquidations> f = s.liquidations.get(w).join();
      out.append(w.code()).append("  ");
      if (f instanceof Fetched.Value<ExchangeLiquidations> v && v.value().total().isPresent()) {
        sources.add(v.source());
        ExchangeLiquidations.Row total = v.value().total().get();
        out.append(usd(total.longUsd())).append(" / ").append(usd(total.shortUsd()));
      } else if (f instanceof Fetched.Value<ExchangeLiquidations>) {
        out.append("<i>no total reported</i>");
      } else {
        out.append(Unavailable.because(f));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String longShort(Snapshot s, Set<String> sources) {
    StringBuilder out = new StringBuilder("<b>Long/short</b>  Binance\n");
    Map<LongShortRatio.Kind, String> labels =
        Map.of(
            LongShortRatio.Kind.GLOBAL_ACCOUNTS, "accounts",
            LongShortRatio.Kind.TOP_TRADER_ACCOUNTS, "top accounts",
            LongShortRatio.Kind.TOP_TRADER_POSITIONS, "top positions");
    for (LongShortRatio.Kind k : LongShortRatio.Kind.values()) {
      Fetched<LongShortRatio> f = s.longShort.get(k).join();
      out.append(labels.get(k)).append("  ");
      if (f instanceof Fetched.Value<LongShortRatio> v) {
        sources.add(v.source());
        out.append(Formats.ratio(v.value().ratio()))
            .append(" (")
            .append(Math.round(100 * v.value().longShare()))
            .append("% long)");
      } else {
        out.append(Unavailable.because(f));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String taker(Snapshot s, Set<String> sources) {
    StringBuilder out = new StringBuilder("<b>Taker flow</b>  buy / sell\n");
    for (Window w : WINDOWS) {
      Fetched<TakerVolume> f = s.taker.get(w).join();
      out.append(w.code()).append("  ");
      if (f instanceof Fetched.Value<TakerVolume> v) {
        sources.add(v.source());
        TakerVolume t = v.value();
        out.append(usd(t.buyUsd())).append(" / ").append(usd(t.sellUsd()));
        t.buyShare().ifPresent(b -> out.append(" (").append(Math.round(100 * b)).append("% buy)"));
      } else {
        out.append(Unavailable.because(f));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String rsi(Fetched<RsiValues> rsi, Set<String> sources) {
    if (!(rsi instanceof Fetched.Value<RsiValues> v)) {
      return "<b>RSI</b>  " + Unavailable.because(rsi) + "\n";
    }
    sources.add(v.source());
    return "<b>RSI</b>  "
        + windows(v.value().rsi(), x -> String.format(java.util.Locale.ROOT, "%.1f", x))
        + "\n";
  }

  /** {@code 1h +0.12% · 4h -0.85% · 24h +2.31%} for the windows present. */
  static String windows(ByWindow values, java.util.function.DoubleFunction<String> format) {
    return WINDOWS.stream()
        .filter(w -> values.get(w).isPresent())
        .map(
            w ->
                (w == Window.H24 ? "24h" : w.code())
                    + " "
                    + format.apply(values.get(w).getAsDouble()))
        .collect(Collectors.joining(" · "));
  }
}
