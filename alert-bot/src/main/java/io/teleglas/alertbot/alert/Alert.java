package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.MarketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule found, before delivery decides how it looks.
 *
 * @param rule the rule's name, such as {@code liquidation-storm}
 * @param groupKey identifies the message a group edits, such as {@code liquidation-storm|BTC|LONG}
 * @param kind where the group stands
 * @param coin the coin
 * @param side the side, when the rule is about one
 * @param usdValue total notional in USD of the events counted, > 0
 * @param eventCount how many events are counted, >= 1
 * @param exchanges the exchanges the counted events happened on, not empty
 * @param firstEventTime event time of the first counted event
 * @param lastEventTime event time of the last counted event, not before the first
 * @param samples the triggering event, or for a group its largest events, largest first
 * @param breakdown for a market-wide alert ({@code market-cascade}), the coins it covers with their
 *     totals, largest first; empty for every other rule
 * @param reading for an alert about a polled reading ({@code funding-extreme}, {@code oi-spike}),
 *     what was measured; empty for alerts about events
 *     <p>{@code usdValue} is the notional the alert is about: the events' total, or for a reading
 *     the open interest (USD) it concerns. It is > 0, except for a reading alert whose open
 *     interest could not be obtained, where it is 0 and means "unknown": renderers show the reading
 *     then, never the 0. For a reading alert {@code eventCount} is the number of readings compared
 *     and {@code coin} is the coin measured; for a market-wide alert {@code coin} is the coin with
 *     the largest share.
 */
public record Alert(
    String rule,
    String groupKey,
    AlertKind kind,
    Coin coin,
    Optional<AlertSide> side,
    double usdValue,
    int eventCount,
    Set<Exchange> exchanges,
    Instant firstEventTime,
    Instant lastEventTime,
    List<MarketEvent> samples,
    List<CoinTotal> breakdown,
    Optional<Reading> reading) {

  public Alert {
    Objects.requireNonNull(rule, "rule is null");
    Objects.requireNonNull(groupKey, "groupKey is null");
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(side, "side is null");
    Objects.requireNonNull(reading, "reading is null");
    boolean unknownNotional = usdValue == 0 && reading.isPresent();
    if (!(usdValue > 0 || unknownNotional) || Double.isInfinite(usdValue)) {
      throw new IllegalArgumentException(
          "usdValue must be > 0 (or 0 for a reading without open interest), got " + usdValue);
    }
    if (eventCount < 1) {
      throw new IllegalArgumentException("eventCount must be >= 1, got " + eventCount);
    }
    exchanges = Set.copyOf(exchanges);
    if (exchanges.isEmpty()) {
      throw new IllegalArgumentException("exchanges is empty");
    }
    Objects.requireNonNull(firstEventTime, "firstEventTime is null");
    Objects.requireNonNull(lastEventTime, "lastEventTime is null");
    if (lastEventTime.isBefore(firstEventTime)) {
      throw new IllegalArgumentException("lastEventTime is before firstEventTime");
    }
    samples = List.copyOf(samples);
    breakdown = List.copyOf(breakdown);
  }

  /** An alert about events, without breakdown or reading. */
  static Alert ofEvents(
      String rule,
      String groupKey,
      AlertKind kind,
      Coin coin,
      AlertSide side,
      double usdValue,
      int eventCount,
      Set<Exchange> exchanges,
      Instant firstEventTime,
      Instant lastEventTime,
      List<? extends MarketEvent> samples) {
    return new Alert(
        rule,
        groupKey,
        kind,
        coin,
        Optional.of(side),
        usdValue,
        eventCount,
        exchanges,
        firstEventTime,
        lastEventTime,
        List.copyOf(samples),
        List.of(),
        Optional.empty());
  }

  /** An alert about one event. */
  static Alert single(String rule, AlertSide side, MarketEvent event) {
    return new Alert(
        rule,
        groupKey(rule, event.coin(), side),
        AlertKind.NEW,
        event.coin(),
        Optional.of(side),
        event.usdValue(),
        1,
        Set.of(event.exchange()),
        event.time(),
        event.time(),
        List.of(event),
        List.of(),
        Optional.empty());
  }

  static String groupKey(String rule, Coin coin, AlertSide side) {
    return rule + "|" + coin.symbol() + "|" + side;
  }

  /** The same alert with another kind, for engine stages that reclassify it. */
  Alert withKind(AlertKind newKind) {
    return new Alert(
        rule,
        groupKey,
        newKind,
        coin,
        side,
        usdValue,
        eventCount,
        exchanges,
        firstEventTime,
        lastEventTime,
        samples,
        breakdown,
        reading);
  }

  /** Whether the notional is known; false only for a reading alert without open interest. */
  public boolean hasUsdValue() {
    return usdValue > 0;
  }
}
