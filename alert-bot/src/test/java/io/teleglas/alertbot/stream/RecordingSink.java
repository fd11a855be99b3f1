package io.teleglas.alertbot.stream;

import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.Trade;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EventSink} that keeps what it accepts, or refuses everything while told to. */
final class RecordingSink implements EventSink {
  private final List<MarketEvent> accepted = new CopyOnWriteArrayList<>();
  private volatile boolean refusing;

  @Override
  public boolean offer(String source, MarketEvent event) {
    if (refusing) {
      return false;
    }
    accepted.add(event);
    return true;
  }

  void refuse() {
    refusing = true;
  }

  /** The trade ids of the events accepted, in order. */
  List<String> tradeIds() {
    return accepted.stream().map(e -> ((Trade) e).tradeId()).toList();
  }
}
