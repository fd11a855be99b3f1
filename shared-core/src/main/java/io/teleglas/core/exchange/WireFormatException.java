package io.teleglas.core.exchange;

/**
 * A venue's answer lacks a required field or carries one we cannot use (not a number, not finite,
 * an unknown enum word). Adapters throw it; the clients turn it into {@link
 * Failures#unreadable(String)}.
 */
public final class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WireFormatException(String message) {
    super(message);
  }
}
