package io.teleglas.core.config;

import static java.util.Objects.requireNonNull;

/**
 * A PostgreSQL JDBC URL. It may carry a password ({@code password=} parameter or user info), so it
 * is kept as a {@link Secret} and prints with every password masked.
 */
public record DatabaseUrl(Secret url) {
  private static final String PREFIX = "jdbc:postgresql://";

  public DatabaseUrl {
    requireNonNull(url, "url is null");
  }

  /** Parses a {@code jdbc:postgresql://host[:port]/database[?params]} URL. */
  public static DatabaseUrl parse(String value) {
    requireNonNull(value, "value is null");
    if (!value.startsWith(PREFIX) || value.length() == PREFIX.length()) {
      throw new IllegalArgumentException(
          "expected a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/teleglas?user=bot (unset it to use SQLite)");
    }
    return new DatabaseUrl(Secret.of(value));
  }

  /** The URL with the password parameter and any user-info password replaced by [REDACTED]. */
  public String masked() {
    return url.reveal()
        .replaceAll("(?i)(password=)[^&]*", "$1" + Secret.REDACTED)
        .replaceAll("(//[^/@:]+:)[^/@]*@", "$1" + Secret.REDACTED + "@");
  }

  @Override
  public String toString() {
    return masked();
  }
}
