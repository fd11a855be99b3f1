package io.teleglas.core.cli;

import static java.util.Objects.requireNonNull;

/**
 * A command-line flag a bot accepts; {@code argument} names its value, or is empty for a switch.
 */
public record Flag(String name, String argument, String description) {
  public Flag {
    requireNonNull(name, "name is null");
    requireNonNull(argument, "argument is null");
    requireNonNull(description, "description is null");
    if (!name.startsWith("--")) {
      throw new IllegalArgumentException("flag must start with --: " + name);
    }
  }

  public static Flag of(String name, String description) {
    return new Flag(name, "", description);
  }

  public static Flag withArgument(String name, String argument, String description) {
    return new Flag(name, argument, description);
  }

  public boolean takesArgument() {
    return !argument.isEmpty();
  }

  public static final Flag HELP = of("--help", "print this help and exit");
  public static final Flag VERSION = of("--version", "print the version and exit");
  public static final Flag CHECK_CONFIG =
      of(
          "--check-config",
          "validate the configuration, print it with secrets as [REDACTED], exit 0 if valid, 2 if not");
}
