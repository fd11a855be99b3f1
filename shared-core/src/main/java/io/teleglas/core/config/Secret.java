package io.teleglas.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret configuration value (bot token, API key, database password). Its {@link #toString()} is
 * always {@value #REDACTED}, so it can be logged, printed or put in an exception message by mistake
 * without leaking. Immutable and thread-safe.
 */
public final class Secret {
  /** What every secret prints as. */
  public static final String REDACTED = "[REDACTED]";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a non-blank value. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret is blank");
    }
    return new Secret(value);
  }

  /** The real value, for the one place that has to send it upstream. */
  public String reveal() {
    return value;
  }

  /** Constant-time comparison, so two secrets can be checked for reuse without timing leaks. */
  public boolean sameAs(Secret other) {
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && sameAs(other);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
