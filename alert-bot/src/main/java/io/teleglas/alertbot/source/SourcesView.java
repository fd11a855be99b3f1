package io.teleglas.alertbot.source;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the health endpoints read from the source manager. Thread-safe snapshots. */
public interface SourcesView {
  /** Every configured source in {@code ALERT_SOURCES} order. */
  List<SourceStatus> sources();

  /** The highest-priority source that is healthy and feeding the engine, if any. */
  Optional<String> activeSource();

  /** Events handed to the engine since start. */
  long updateCount();

  /** When the last event was handed to the engine. */
  Optional<Instant> lastUpdate();
}
