package io.teleglas.alertbot.poll;

import io.teleglas.alertbot.stream.EventSink;
import io.teleglas.core.market.MarketEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EventSink} that keeps every event with its source, or refuses all while told to. */
final class CollectingSink implements EventSink {
  record Offered(String source, MarketEvent event) {}

  private final List<Offered> accepted = new CopyOnWriteArrayList<>();
  private volatile boolean refusing;

  @Override
  public boolean offer(String source, MarketEvent event) {
    if (refusing) {
      return false;
    }
    accepted.add(new Offered(source, event));
    return true;
  }

  void refuse() {
    refusing = true;
  }

  List<Offered> offered() {
    return List.copyOf(accepted);
  }

  List<MarketEvent> events() {
    return accepted.stream().map(Offered::event).toList();
  }
}
