package io.teleglas.core.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with the configuration: the variable it concerns and what is expected instead.
 */
public record ConfigProblem(String variable, String message) {
  public ConfigProblem {
    requireNonNull(variable, "variable is null");
    requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return variable + ": " + message;
  }
}
