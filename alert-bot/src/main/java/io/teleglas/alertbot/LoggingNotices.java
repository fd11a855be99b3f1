package io.teleglas.alertbot;

import io.teleglas.alertbot.source.SourceNotices;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operational notices written to the log (the admin chat gets them too once delivery exists). */
final class LoggingNotices implements SourceNotices {
  private static final Logger log = LoggerFactory.getLogger("sources");

  @Override
  public void disconnected(String source, String reason) {
    log.warn("{} disconnected: {}", source, reason);
  }

  @Override
  public void switched(Optional<String> from, Optional<String> to) {
    if (to.isEmpty()) {
      log.warn("no source is healthy (was {})", from.orElse("none"));
    }
  }

  @Override
  public void dataGap(Duration gap) {
    log.warn("no source delivered for {} s: events in that window may be missing", gap.toSeconds());
  }

  @Override
  public void error(String source, String problem) {
    log.warn("{}: {}", source, problem);
  }
}
