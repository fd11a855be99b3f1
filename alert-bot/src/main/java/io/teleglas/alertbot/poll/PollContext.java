package io.teleglas.alertbot.poll;

import io.teleglas.alertbot.stream.EventDeduplicator;
import io.teleglas.alertbot.stream.EventSink;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every poller shares.
 *
 * @param scheduler runs the polls; each poll only sends requests, so one daemon thread suffices
 * @param clock decides which events are too old and stamps the snapshots
 * @param deduplicator the one the streams use, so an event a stream delivered is not emitted again
 * @param sink where new events go: the offer side of the ingest queue
 */
public record PollContext(
    ScheduledExecutorService scheduler,
    Clock clock,
    EventDeduplicator deduplicator,
    EventSink sink) {

  public PollContext {
    Objects.requireNonNull(scheduler, "scheduler is null");
    Objects.requireNonNull(clock, "clock is null");
    Objects.requireNonNull(deduplicator, "deduplicator is null");
    Objects.requireNonNull(sink, "sink is null");
  }
}
