package io.teleglas.alertbot.store;

/**
 * The store could not be opened: unwritable data directory, unreachable PostgreSQL, a schema newer
 * than this build, a failed migration. The message is one line meant for the operator, printed as
 * is by {@code Main}; it never contains a password.
 */
public final class DatabaseStartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseStartupException(String message) {
    super(message);
  }
}
