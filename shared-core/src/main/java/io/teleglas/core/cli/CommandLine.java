package io.teleglas.core.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed command-line arguments: which of the accepted flags were given, with their values. Unknown
 * flags, stray arguments, missing values and repeated flags are collected as problems.
 */
public final class CommandLine {
  private final Map<String, String> given;
  private final List<String> problems;

  private CommandLine(Map<String, String> given, List<String> problems) {
    this.given = given;
    this.problems = problems;
  }

  /** Parses {@code args} against the accepted flags; {@code -h} is taken as {@code --help}. */
  public static CommandLine parse(String[] args, List<Flag> accepted) {
    Map<String, Flag> byName = new LinkedHashMap<>();
    accepted.forEach(f -> byName.put(f.name(), f));
    Map<String, String> given = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i].equals("-h") ? "--help" : args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      Flag flag = byName.get(arg);
      if (flag == null) {
        problems.add(
            arg.startsWith("-")
                ? "unknown option " + shorten(arg)
                : "unexpected argument " + shorten(arg));
        continue;
      }
      if (flag.takesArgument() && value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          problems.add(flag.name() + " needs a value: " + flag.name() + " " + flag.argument());
          continue;
        }
        value = args[++i];
      } else if (!flag.takesArgument() && value != null) {
        problems.add(flag.name() + " takes no value");
        continue;
      }
      if (given.put(flag.name(), value == null ? "" : value) != null) {
        problems.add(flag.name() + " is given twice");
      }
    }
    return new CommandLine(given, problems);
  }

  public boolean has(Flag flag) {
    return given.containsKey(flag.name());
  }

  public Optional<String> value(Flag flag) {
    return Optional.ofNullable(given.get(flag.name())).filter(v -> !v.isEmpty());
  }

  /** Problems found while parsing; empty when the command line is usable. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Records that two given flags cannot be used together. */
  public void rejectTogether(Flag a, Flag b) {
    if (has(a) && has(b)) {
      problems.add(a.name() + " and " + b.name() + " cannot be used together");
    }
  }

  /** Records that {@code flag} only makes sense with {@code required}. */
  public void requireWith(Flag flag, Flag required) {
    if (has(flag) && !has(required)) {
      problems.add(flag.name() + " only works together with " + required.name());
    }
  }

  private static String shorten(String arg) {
    return "'" + (arg.length() > 40 ? arg.substring(0, 40) + "…" : arg) + "'";
  }
}
