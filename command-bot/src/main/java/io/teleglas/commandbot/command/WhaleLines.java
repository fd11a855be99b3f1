package io.teleglas.commandbot.command;

import static io.teleglas.core.telegram.Formats.usd;
import static io.teleglas.core.telegram.Formats.usdPrice;

import io.teleglas.core.coinglass.WhaleAlert;
import io.teleglas.core.coinglass.WhalePosition;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One line (or two) of {@code /whale} per alert, position or trade. A whale alert is an open or a
 * close of a long or short position, never a "buy" or "sell"; a trade is seen from its taker, who
 * bought or sold. Every string from upstream is escaped.
 */
final class WhaleLines {
  private static final int ADDRESS_HEAD = 6;
  private static final int ADDRESS_TAIL = 4;

  private WhaleLines() {}

  /** {@code • 12m ago · ETH closed long $21.0M · entry $1,611.62 · 0x3fd4…7d33}. */
  static String alert(WhaleAlert a, Instant now) {
    String verb = a.action() == WhaleAlert.Action.OPEN ? "opened" : "closed";
    return "• "
        + Formats.ago(Duration.between(a.time(), now))
        + " · <b>"
        + Html.escape(a.coin().symbol())
        + "</b> "
        + verb
        + " "
        + side(a.side())
        + " "
        + usd(a.notionalUsd())
        + " · entry "
        + usdPrice(a.entryPrice())
        + " · "
        + Html.code(shortAddress(a.user()))
        + "\n";
  }

  /** The position, its leverage, entry and liquidation prices; then PnL, margin and owner. */
  static String position(WhalePosition p) {
    StringBuilder out =
        new StringBuilder("• <b>")
            .append(Html.escape(p.coin().symbol()))
            .append("</b> ")
            .append(side(p.side()))
            .append(' ')
            .append(usd(p.notionalUsd()));
    p.leverage().ifPresent(l -> out.append(" at ").append(leverage(l)));
    out.append(" · entry ").append(usdPrice(p.entryPrice()));
    out.append(" · liq ").append(optional(p.liquidationPrice(), Formats::usdPrice));
    out.append("\n   uPnL ").append(optional(p.unrealizedPnlUsd(), WhaleLines::signedUsd));
    p.marginBalanceUsd().ifPresent(m -> out.append(" · margin ").append(usd(m)));
    return out.append(" · ").append(Html.code(shortAddress(p.user()))).append('\n').toString();
  }

  /** {@code • 2m ago · bought 5 BTC ($320.0K) @ $64,002.50 · Binance}. */
  static String trade(Trade t, Instant now) {
    return "• "
        + Formats.ago(Duration.between(t.time(), now))
        + " · <b>"
        + (t.side() == TakerSide.BUY ? "bought" : "sold")
        + "</b> "
        + Formats.quantity(t.quantity())
        + " "
        + Html.escape(t.coin().symbol())
        + " ("
        + usd(t.usdValue())
        + ") @ "
        + usdPrice(t.price())
        + " · "
        + Html.escape(t.exchange().name())
        + "\n";
  }

  /** {@code 0x3fd4…7d33}: enough to tell whales apart and to search for; not escaped. */
  static String shortAddress(String address) {
    int length = address.codePointCount(0, address.length());
    if (length <= ADDRESS_HEAD + ADDRESS_TAIL + 1) {
      return address;
    }
    int head = address.offsetByCodePoints(0, ADDRESS_HEAD);
    int tail = address.offsetByCodePoints(address.length(), -ADDRESS_TAIL);
    return address.substring(0, head) + "…" + address.substring(tail);
  }

  private static String side(PositionSide side) {
    return side == PositionSide.LONG ? "long" : "short";
  }

  private static String leverage(double leverage) {
    return (leverage == Math.rint(leverage)
            ? Long.toString((long) leverage)
            : String.format(java.util.Locale.ROOT, "%.1f", leverage))
        + "x";
  }

  private static String signedUsd(double amount) {
    String shown = usd(amount);
    return amount > 0 && !shown.equals("$0") ? "+" + shown : shown;
  }

  private static String optional(
      OptionalDouble value, java.util.function.DoubleFunction<String> format) {
    return value.isPresent() ? format.apply(value.getAsDouble()) : "<i>n/a</i>";
  }
}
