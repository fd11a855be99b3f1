package io.teleglas.alertbot.store;

/**
 * A store operation failed after the store was opened (disk full, connection lost, constraint
 * broken). Nothing of the failed operation was kept: every operation is one transaction.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
