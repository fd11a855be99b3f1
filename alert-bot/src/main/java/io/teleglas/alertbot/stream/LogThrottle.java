package io.teleglas.alertbot.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Decides which of many similar problems get a WARN line: the first, then at most one per {@code
 * period}, each reporting how many were held back in between. Thread-safe.
 */
public final class LogThrottle {
  /** What {@link #admit} returns for an occurrence that should not be logged. */
  public static final long SUPPRESSED = -1;

  private final Clock clock;
  private final Duration period;
  private Instant lastAdmitted;
  private long heldBack;

  public LogThrottle(Clock clock, Duration period) {
    this.clock = clock;
    this.period = period;
  }

  /**
   * Records one occurrence; returns how many were held back since the last admitted one if this one
   * should be logged, else {@link #SUPPRESSED}.
   */
  public synchronized long admit() {
    Instant now = clock.instant();
    if (lastAdmitted != null && now.isBefore(lastAdmitted.plus(period))) {
      heldBack++;
      return SUPPRESSED;
    }
    lastAdmitted = now;
    long held = heldBack;
    heldBack = 0;
    return held;
  }

  /** Logs {@code message} at WARN if admitted (with the count held back), else at DEBUG. */
  public void warn(Logger log, String message) {
    long held = admit();
    if (held == SUPPRESSED) {
      log.debug(message);
    } else if (held > 0) {
      log.warn("{} ({} more since the last report)", message, held);
    } else {
      log.warn(message);
    }
  }
}
