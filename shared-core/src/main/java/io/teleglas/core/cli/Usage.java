package io.teleglas.core.cli;

import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Variable;
import java.util.List;

/**
 * Renders {@code --help} and {@code --check-config} output from the declared flags and variables.
 */
public final class Usage {
  private Usage() {}

  /** The full help text: what the program is, its flags, and every environment variable. */
  public static String help(
      String program, String summary, List<Flag> flags, List<Variable> variables) {
    StringBuilder out = new StringBuilder();
    out.append(program)
        .append(' ')
        .append(BuildInfo.version())
        .append(" - ")
        .append(summary)
        .append("\n\n");
    out.append("Usage: java -jar ").append(program).append(".jar [options]\n\nOptions:\n");
    int width = flags.stream().mapToInt(f -> label(f).length()).max().orElse(0);
    for (Flag f : flags) {
      out.append("  ")
          .append(pad(label(f), width))
          .append("  ")
          .append(f.description())
          .append('\n');
    }
    out.append("\nEnvironment variables (also read from ./.env; the real environment wins):\n");
    int nameWidth = variables.stream().mapToInt(v -> v.name().length()).max().orElse(0);
    for (Variable v : variables) {
      out.append("  ").append(pad(v.name(), nameWidth)).append("  ").append(v.description());
      v.defaultValue().ifPresent(d -> out.append(" (default: ").append(d).append(')'));
      out.append('\n');
    }
    out.append(
        "\nExit codes: 0 success, 1 runtime failure, 2 invalid configuration or arguments.\n");
    return out.toString();
  }

  /** The effective configuration, one variable per line with where its value came from. */
  public static String effectiveConfig(String program, ConfigReader reader) {
    List<ConfigReader.Setting> settings = reader.settings();
    StringBuilder out = new StringBuilder(program + " configuration is valid:\n");
    int width = settings.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (ConfigReader.Setting s : settings) {
      out.append("  ")
          .append(pad(s.name(), width))
          .append(" = ")
          .append(s.display())
          .append("  (")
          .append(s.origin())
          .append(")\n");
    }
    for (String note : reader.notes()) {
      out.append("Note: ").append(note).append('\n');
    }
    return out.toString();
  }

  private static String label(Flag f) {
    return f.takesArgument() ? f.name() + " " + f.argument() : f.name();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
