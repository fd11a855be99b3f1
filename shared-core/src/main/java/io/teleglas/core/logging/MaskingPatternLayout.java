package io.teleglas.core.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's pattern layout with {@link SecretMasker} applied to the whole formatted line, message,
 * thread name and stack trace alike, so no credential reaches any log whatever logged it.
 */
public class MaskingPatternLayout extends PatternLayout {
  @Override
  public String doLayout(ILoggingEvent event) {
    return SecretMasker.mask(super.doLayout(event));
  }
}
