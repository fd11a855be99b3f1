package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The running totals of one open liquidation storm. Engine-thread only. */
final class Storm {

  static final int MAX_SAMPLES = 5;

  private final String groupKey;
  private final AlertSide side;
  private final Set<Exchange> exchanges = new HashSet<>();
  private final List<Liquidation> largest = new ArrayList<>();
  private double usdValue;
  private int count;
  private Instant first;
  private Instant last;
  private Instant lastAnnounced;
  private boolean grownSinceAnnounced;

  private final Instant openedAt;

  Storm(String groupKey, AlertSide side, Instant openedAt) {
    this.groupKey = groupKey;
    this.side = side;
    this.openedAt = openedAt;
  }

  /** Event time of the liquidation that opened it. */
  Instant openedAt() {
    return openedAt;
  }

  /** Whether its NEW has been announced (it waits the storm group wait first). */
  boolean announced() {
    return lastAnnounced != null;
  }

  void add(Liquidation liquidation) {
    usdValue += liquidation.usdValue();
    count++;
    exchanges.add(liquidation.exchange());
    Instant time = liquidation.time();
    first = first == null || time.isBefore(first) ? time : first;
    last = last == null || time.isAfter(last) ? time : last;
    largest.add(liquidation);
    largest.sort(Comparator.comparingDouble(Liquidation::usdValue).reversed());
    if (largest.size() > MAX_SAMPLES) {
      largest.remove(MAX_SAMPLES);
    }
    grownSinceAnnounced = true;
  }

  Alert announce(AlertKind kind, Instant at) {
    lastAnnounced = at;
    grownSinceAnnounced = false;
    List<MarketEvent> samples = List.copyOf(largest);
    return Alert.ofEvents(
        LiquidationStormRule.NAME,
        groupKey,
        kind,
        largest.get(0).coin(),
        side,
        usdValue,
        count,
        exchanges,
        first,
        last,
        samples);
  }

  boolean quietSince(Instant now, Duration window) {
    return !now.isBefore(last.plus(window));
  }

  boolean updateDue(Instant now, Duration interval) {
    return grownSinceAnnounced && !now.isBefore(lastAnnounced.plus(interval));
  }
}
