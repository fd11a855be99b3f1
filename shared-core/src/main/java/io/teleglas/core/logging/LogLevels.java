package io.teleglas.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies the configured root log level once the configuration is loaded. */
public final class LogLevels {
  private LogLevels() {}

  /** Sets the root level, e.g. {@code INFO}; libraries that are chatty at DEBUG stay at INFO. */
  public static void applyRoot(String level) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
  }
}
