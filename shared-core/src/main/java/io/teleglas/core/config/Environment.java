package io.teleglas.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a bot is configured from: the process environment layered over a {@code .env} file
 * (the real environment wins). Blank values count as unset, so {@code FOO=} in {@code .env} means
 * "use the default". Built once by {@code Main}; everything else receives it or the typed config.
 */
public final class Environment {
  /** Where an effective value came from, shown by {@code --check-config}. */
  public enum Origin {
    ENVIRONMENT("environment"),
    DOTENV(".env"),
    DEFAULT("default");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private final Map<String, String> process;
  private final DotEnv dotEnv;

  public Environment(Map<String, String> process, DotEnv dotEnv) {
    this.process = Map.copyOf(new HashMap<>(process));
    this.dotEnv = dotEnv;
  }

  /** An environment made only of the given map, for tests. */
  public static Environment of(Map<String, String> values) {
    return new Environment(values, DotEnv.empty());
  }

  /** The value of {@code name}, trimmed, or empty when unset or blank in both layers. */
  public Optional<String> get(String name) {
    return nonBlank(process.get(name)).or(() -> nonBlank(dotEnv.values().get(name)));
  }

  /** Where the value of {@code name} comes from. */
  public Origin origin(String name) {
    if (nonBlank(process.get(name)).isPresent()) {
      return Origin.ENVIRONMENT;
    }
    return nonBlank(dotEnv.values().get(name)).isPresent() ? Origin.DOTENV : Origin.DEFAULT;
  }

  /** Problems found while reading {@code .env}. */
  public List<ConfigProblem> dotEnvProblems() {
    return dotEnv.problems();
  }

  /** Names set in {@code .env} that are not in {@code known}: most likely typos. */
  public List<String> unknownDotEnvNames(java.util.Set<String> known) {
    return dotEnv.values().keySet().stream().filter(n -> !known.contains(n)).sorted().toList();
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
