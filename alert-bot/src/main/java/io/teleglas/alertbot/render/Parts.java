package io.teleglas.alertbot.render;

import io.teleglas.alertbot.alert.AlertSide;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pieces every alert layout is built from, so all layouts word and format a thing the same way.
 * Every string that came from upstream is escaped and cut to a bounded length here, which is what
 * keeps any alert under Telegram's 4096 characters. Stateless.
 */
final class Parts {

  /** Exchanges named before "+N more". */
  static final int MAX_EXCHANGES = 6;

  /** Sample events listed under "Largest". */
  static final int MAX_SAMPLES = 5;

  private static final int MAX_INSTRUMENT = 24;
  private static final int MAX_SOURCE = 24;

  private Parts() {}

  /** {@code #BTC}: a hashtag, so a channel can be searched by coin. Coin symbols need no escape. */
  static String tag(Coin coin) {
    return "#" + coin.symbol();
  }

  static String emoji(PositionSide side) {
    return side == PositionSide.LONG ? "🔴" : "🟢";
  }

  static String emoji(TakerSide side) {
    return side == TakerSide.BUY ? "🟢" : "🔴";
  }

  /** The emoji of an alert side: red for what pushes the price down, green for up. */
  static String emoji(AlertSide side) {
    return switch (side) {
      case LONG, SELL -> "🔴";
      case SHORT, BUY -> "🟢";
    };
  }

  /** How a liquidated side reads in a storm header: {@code longs liquidated}. */
  static String liquidated(AlertSide side) {
    return switch (side) {
      case LONG -> "longs liquidated";
      case SHORT -> "shorts liquidated";
      case BUY, SELL -> side.name();
    };
  }

  /** {@code Binance, Bybit, OKX}, sorted, at most {@link #MAX_EXCHANGES} then {@code +3 more}. */
  static String exchanges(Set<Exchange> exchanges) {
    List<String> names = exchanges.stream().map(Exchange::name).sorted().toList();
    String shown =
        names.stream().limit(MAX_EXCHANGES).map(Html::escape).collect(Collectors.joining(", "));
    int more = names.size() - MAX_EXCHANGES;
    return more > 0 ? shown + " +" + more + " more" : shown;
  }

  /** {@code Binance · BTCUSDT}: where one event happened. */
  static String venue(MarketEvent event) {
    String instrument =
        event instanceof Liquidation l ? l.instrument() : ((Trade) event).instrument();
    return Html.escape(event.exchange().name())
        + " · "
        + Html.escape(cut(instrument, MAX_INSTRUMENT));
  }

  /** {@code Price $97,123.45 · size 12.36 BTC}. */
  static String priceAndSize(MarketEvent event) {
    return "Price "
        + Formats.usdPrice(price(event))
        + " · size "
        + Formats.quantity(quantity(event))
        + " "
        + event.coin().symbol();
  }

  /** One line of a "Largest" list: {@code • 🔴 $1.10M · Binance @ $97,100.00}. */
  static String sample(MarketEvent event) {
    String what =
        event instanceof Liquidation l
            ? emoji(l.side()) + " " + Formats.usd(l.usdValue())
            : emoji(((Trade) event).side())
                + " "
                + ((Trade) event).side().name()
                + " "
                + Formats.usd(event.usdValue());
    return "• "
        + what
        + " · "
        + Html.escape(event.exchange().name())
        + " @ "
        + Formats.usdPrice(price(event));
  }

  static double price(MarketEvent event) {
    return event instanceof Liquidation l ? l.price() : ((Trade) event).price();
  }

  private static double quantity(MarketEvent event) {
    return event instanceof Liquidation l ? l.quantity() : ((Trade) event).quantity();
  }

  /** The "Largest:" block, or nothing when the alert carries no samples. */
  static String largest(List<? extends MarketEvent> samples) {
    if (samples.isEmpty()) {
      return "";
    }
    return "\nLargest:\n"
        + samples.stream().limit(MAX_SAMPLES).map(Parts::sample).collect(Collectors.joining("\n"));
  }

  /** {@code 🕒 14:32:15 UTC · via binance}. */
  static String footer(Instant time, Optional<String> source) {
    return "🕒 " + Formats.utcTime(time) + via(source);
  }

  /** {@code 🕒 14:32:05 → 14:32:29 UTC · via binance}; one time when both are equal. */
  static String footer(Instant first, Instant last, Optional<String> source) {
    if (first.equals(last)) {
      return footer(last, source);
    }
    String from = Formats.utcTime(first);
    return "🕒 "
        + from.substring(0, from.length() - 4)
        + " → "
        + Formats.utcTime(last)
        + via(source);
  }

  /** {@code over 24s}: the event-time span of a group. */
  static String span(Instant first, Instant last) {
    return "over " + Formats.duration(Duration.between(first, last));
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String via(Optional<String> source) {
    return source
        .filter(s -> !s.isBlank())
        .map(s -> " · via " + Html.escape(cut(s.strip(), MAX_SOURCE)))
        .orElse("");
  }

  /** {@code text} or its start and {@code …}, at most {@code max} characters, pairs kept whole. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
