package io.teleglas.alertbot.source;

import java.time.Duration;
import java.util.Optional;

/**
 * Operational events of the source manager, for the operators' chat and the logs. Called on the
 * manager's scheduler thread; implementations must not block for long.
 */
public interface SourceNotices {
  /** {@code source} is connected and delivering. */
  default void connected(String source) {}

  /** {@code source} lost its connection or went silent. */
  default void disconnected(String source, String reason) {}

  /** The active source changed (empty: none is healthy). */
  default void switched(Optional<String> from, Optional<String> to) {}

  /** No source delivered for {@code gap}; data in that window may be missing. */
  default void dataGap(Duration gap) {}

  /** Something went wrong on {@code source} without a disconnect (refused subscription...). */
  default void error(String source, String problem) {}

  SourceNotices NONE = new SourceNotices() {};
}
