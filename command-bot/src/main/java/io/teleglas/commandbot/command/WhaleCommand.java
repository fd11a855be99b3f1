package io.teleglas.commandbot.command;

import io.teleglas.commandbot.market.MarketData;
import io.teleglas.core.coinglass.WhaleAlert;
import io.teleglas.core.coinglass.WhalePosition;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.SymbolResolution;
import io.teleglas.core.market.Trade;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.upstream.Fetched;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToDoubleFunction;

/**
 * {@code /whale [SYMBOL]}: with CoinGlass, the latest Hyperliquid whale opens and closes and the
 * largest open whale positions, optionally for one coin. When CoinGlass cannot answer (no key,
 * plan, rate limit, outage) it shows the exchanges' recent large trades of one coin instead (BTC
 * unless one is named), and says why and from what threshold.
 */
public final class WhaleCommand implements ChatCommand {
  static final int MAX_ALERTS = 10;
  static final int MAX_POSITIONS = 5;
  static final int MAX_TRADES = 10;
  static final Coin DEFAULT_COIN = new Coin("BTC");

  private final MarketData market;
  private final Symbols symbols;
  private final ToDoubleFunction<Coin> minTradeUsd;
  private final Clock clock;

  public WhaleCommand(MarketData market, Symbols symbols, Clock clock) {
    this(market, symbols, WhaleCommand::largeTradeMinUsd, clock);
  }

  WhaleCommand(
      MarketData market, Symbols symbols, ToDoubleFunction<Coin> minTradeUsd, Clock clock) {
    this.market = market;
    this.symbols = symbols;
    this.minTradeUsd = minTradeUsd;
    this.clock = clock;
  }

  /**
   * What counts as a large trade when there are no whale alerts: $1M for BTC and ETH, $250K for
   * SOL, BNB and XRP, $100K for the rest. Lower than the alert bot's whale tiers because this looks
   * only at the few hundred trades each exchange last published, not a whole day's stream.
   */
  static double largeTradeMinUsd(Coin coin) {
    return switch (coin.symbol()) {
      case "BTC", "ETH" -> 1_000_000;
      case "SOL", "BNB", "XRP" -> 250_000;
      default -> 100_000;
    };
  }

  @Override
  public String name() {
    return "whale";
  }

  @Override
  public String description() {
    return "Hyperliquid whale opens/closes and positions, or large trades";
  }

  @Override
  public String usage() {
    return "[ETH]";
  }

  @Override
  public Reply reply(CommandRequest request) {
    Optional<Coin> filter = Optional.empty();
    if (!request.args().isEmpty()) {
      SymbolResolution r = symbols.resolve(request.args());
      if (r instanceof SymbolResolution.Rejected rejected) {
        return Symbols.usage(name(), "ETH", rejected, false);
      }
      filter = Symbols.coin(r);
    }
    CompletableFuture<Fetched<List<WhalePosition>>> positions = market.whalePositions();
    Fetched<List<WhaleAlert>> alerts = market.whaleAlerts().join();
    Optional<Fetched<List<Trade>>> trades = Optional.empty();
    if (!alerts.isAvailable()) {
      Coin coin = filter.orElse(DEFAULT_COIN);
      trades = Optional.of(market.largeTrades(coin, minTradeUsd.applyAsDouble(coin)).join());
    }
    String html = render(filter, market.hasCoinglass(), alerts, positions.join(), trades);
    return Reply.refreshable(html, "/whale" + filter.map(c -> " " + c.symbol()).orElse(""));
  }

  /** The reply for these answers; {@code trades} is present exactly when alerts are not. */
  String render(
      Optional<Coin> filter,
      boolean coinglassKey,
      Fetched<List<WhaleAlert>> alerts,
      Fetched<List<WhalePosition>> positions,
      Optional<Fetched<List<Trade>>> trades) {
    Instant now = clock.instant();
    Set<String> sources = new LinkedHashSet<>();
    StringBuilder out = new StringBuilder();
    if (alerts instanceof Fetched.Value<List<WhaleAlert>> v) {
      sources.add(v.source());
      out.append("🐋 <b>Hyperliquid whales</b>");
      filter.ifPresent(c -> out.append(" · ").append(Html.escape(c.symbol())));
      out.append("\n\n").append(alerts(filter, v.value(), now));
    } else {
      String why = coinglassKey ? Unavailable.why(alerts) : "no CoinGlass key";
      out.append(trades(filter, why, trades.orElseThrow(), now, sources));
    }
    if (positions instanceof Fetched.Value<List<WhalePosition>> v) {
      sources.add(v.source());
      out.append('\n').append(positions(filter, v.value()));
    } else if (alerts.isAvailable()) {
      out.append("\n<b>Largest open positions</b>  ").append(Unavailable.because(positions));
      out.append('\n');
    }
    out.append("\n<i>")
        .append(Html.escape(sources.isEmpty() ? "no source answered" : String.join(", ", sources)))
        .append(" · ")
        .append(Formats.utc(now))
        .append("</i>");
    return out.toString();
  }

  private static String alerts(Optional<Coin> filter, List<WhaleAlert> all, Instant now) {
    StringBuilder out = new StringBuilder("<b>Latest opens and closes</b> <i>(over $1M)</i>\n");
    List<WhaleAlert> shown =
        all.stream()
            .filter(a -> filter.isEmpty() || a.coin().equals(filter.get()))
            .sorted(Comparator.comparing(WhaleAlert::time).reversed())
            .limit(MAX_ALERTS)
            .toList();
    if (all.isEmpty()) {
      return out.append("<i>CoinGlass lists no recent whale alert.</i>\n").toString();
    }
    if (shown.isEmpty()) {
      Instant oldest = all.stream().map(WhaleAlert::time).min(Comparator.naturalOrder()).get();
      Duration span = Duration.between(oldest, now);
      return out.append("<i>No ")
          .append(Html.escape(filter.get().symbol()))
          .append(" whale alert in the last ")
          .append(Formats.duration(span.isNegative() ? Duration.ZERO : span))
          .append(".</i>\n")
          .toString();
    }
    shown.forEach(a -> out.append(WhaleLines.alert(a, now)));
    return out.toString();
  }

  private static String positions(Optional<Coin> filter, List<WhalePosition> all) {
    StringBuilder out = new StringBuilder("<b>Largest open positions</b>\n");
    List<WhalePosition> shown =
        all.stream()
            .filter(p -> filter.isEmpty() || p.coin().equals(filter.get()))
            .sorted(Comparator.comparingDouble(WhalePosition::notionalUsd).reversed())
            .limit(MAX_POSITIONS)
            .toList();
    if (shown.isEmpty()) {
      return out.append("<i>No open ")
          .append(filter.map(c -> Html.escape(c.symbol()) + " ").orElse(""))
          .append("whale position over $1M.</i>\n")
          .toString();
    }
    shown.forEach(p -> out.append(WhaleLines.position(p)));
    return out.toString();
  }

  private String trades(
      Optional<Coin> filter,
      String whyNotCoinglass,
      Fetched<List<Trade>> trades,
      Instant now,
      Set<String> sources) {
    Coin coin = filter.orElse(DEFAULT_COIN);
    String min = Formats.usdExact(minTradeUsd.applyAsDouble(coin));
    String symbol = Html.escape(coin.symbol());
    StringBuilder out = new StringBuilder("🐋 <b>Large trades");
    if (trades instanceof Fetched.Value<List<Trade>> v) {
      sources.add(v.source());
      out.append(" on ").append(Html.escape(v.source()));
    }
    out.append("</b> (").append(Html.escape(whyNotCoinglass)).append(")\n");
    out.append(symbol).append(" trades of ").append(min).append(" or more, newest first");
    out.append("; bought/sold is the taker's side\n");
    if (filter.isEmpty()) {
      out.append("<i>BTC by default: send /whale ETH for another coin.</i>\n");
    }
    out.append('\n');
    if (!(trades instanceof Fetched.Value<List<Trade>> v)) {
      return out.append(Unavailable.because(trades)).append('\n').toString();
    }
    if (v.value().isEmpty()) {
      return out.append("<i>No ")
          .append(symbol)
          .append(" trade of ")
          .append(min)
          .append(" or more among the latest trades they publish.</i>\n")
          .toString();
    }
    v.value().stream().limit(MAX_TRADES).forEach(t -> out.append(WhaleLines.trade(t, now)));
    return out.toString();
  }
}
