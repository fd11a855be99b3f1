package io.teleglas.alertbot.stream;

import io.teleglas.core.market.MarketEvent;
import java.time.Instant;
import java.util.Objects;

/** A normalized event with the source that delivered it and when it arrived. */
public record SourcedEvent(String source, MarketEvent event, Instant receivedAt) {
  public SourcedEvent {
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(event, "event is null");
    Objects.requireNonNull(receivedAt, "receivedAt is null");
  }
}
