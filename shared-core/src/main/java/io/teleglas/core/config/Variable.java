package io.teleglas.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One documented environment variable: its name, default (empty when it has none) and a one-line
 * explanation. The bots list these in {@code --help}; {@code .env.example} is checked against them.
 */
public record Variable(
    String name, Optional<String> defaultValue, String description, boolean secret) {
  public Variable {
    requireNonNull(name, "name is null");
    requireNonNull(defaultValue, "defaultValue is null");
    requireNonNull(description, "description is null");
    if (!name.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("not an environment variable name: " + name);
    }
  }

  /** A variable with a default value. */
  public static Variable withDefault(String name, String defaultValue, String description) {
    return new Variable(name, Optional.of(defaultValue), description, false);
  }

  /** A variable without a default. */
  public static Variable optional(String name, String description) {
    return new Variable(name, Optional.empty(), description, false);
  }

  /** A secret variable without a default: printed as [REDACTED]. */
  public static Variable secret(String name, String description) {
    return new Variable(name, Optional.empty(), description, true);
  }
}
