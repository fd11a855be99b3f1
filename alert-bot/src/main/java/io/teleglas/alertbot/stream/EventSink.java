package io.teleglas.alertbot.stream;

import io.teleglas.core.market.MarketEvent;

/**
 * Where a stream session hands each decoded event: normally the offer side of the caller's bounded
 * queue. Called on the socket's reader thread, so it must not block or do slow work; it returns
 * false when it refuses the event (queue full), and the session counts the refusal.
 */
@FunctionalInterface
public interface EventSink {

  /**
   * Takes {@code event} from the source named {@code source}; false if it was refused and dropped.
   */
  boolean offer(String source, MarketEvent event);
}
