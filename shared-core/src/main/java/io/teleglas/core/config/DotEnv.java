package io.teleglas.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code .env} file: {@code KEY=value} lines, optionally prefixed with {@code export},
 * values optionally in single or double quotes, {@code #} comments on their own line or after an
 * unquoted value. Lines that are not assignments are reported as problems, never silently skipped.
 */
public record DotEnv(Map<String, String> values, List<ConfigProblem> problems) {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$");

  public DotEnv {
    values = Map.copyOf(values);
    problems = List.copyOf(problems);
  }

  /** An empty file. */
  public static DotEnv empty() {
    return new DotEnv(Map.of(), List.of());
  }

  /**
   * Reads the file if it exists; a missing file is an empty {@code .env}, an unreadable one a
   * problem.
   */
  public static DotEnv read(Path file) {
    try {
      return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      return new DotEnv(
          Map.of(),
          List.of(new ConfigProblem(file.toString(), "cannot be read: " + e.getMessage())));
    }
  }

  /** Parses file content; {@code fileName} only names the file in problems. */
  public static DotEnv parse(String fileName, String content) {
    Map<String, String> values = new LinkedHashMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = ASSIGNMENT.matcher(line);
      if (!m.matches()) {
        problems.add(new ConfigProblem(fileName + " line " + (i + 1), "expected KEY=value"));
        continue;
      }
      String raw = m.group(2);
      String value = unquote(raw);
      if (value == null) {
        problems.add(
            new ConfigProblem(
                fileName + " line " + (i + 1), "unterminated quote in the value of " + m.group(1)));
        continue;
      }
      values.put(m.group(1), value);
    }
    return new DotEnv(values, problems);
  }

  private static String unquote(String raw) {
    if (raw.startsWith("\"") || raw.startsWith("'")) {
      char quote = raw.charAt(0);
      int end = raw.indexOf(quote, 1);
      if (end < 0) {
        return null;
      }
      String rest = raw.substring(end + 1).strip();
      if (!rest.isEmpty() && !rest.startsWith("#")) {
        return null;
      }
      return raw.substring(1, end);
    }
    int comment = raw.indexOf(" #");
    return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
  }
}
