package io.teleglas.core.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of an {@link Environment}, collecting every problem instead of stopping at
 * the first, and remembering each effective value (secrets redacted) for {@code --check-config}.
 * Not thread-safe: one reader builds one configuration, then {@link #finish()} reports.
 */
public final class ConfigReader {
  /** One effective setting as shown to an operator. */
  public record Setting(String name, String display, Environment.Origin origin) {}

  private static final Set<String> LOG_LEVELS =
      Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private final Environment env;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<String, Setting> settings = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  public ConfigReader(Environment env) {
    this.env = env;
    problems.addAll(env.dotEnvProblems());
  }

  /** The raw value of a variable, falling back to its default; empty when neither exists. */
  public Optional<String> raw(Variable v) {
    Optional<String> value = env.get(v.name()).or(v::defaultValue);
    record(v, value.map(s -> v.secret() ? Secret.REDACTED : s).orElse("(not set)"));
    return value;
  }

  /** A plain string. */
  public Optional<String> string(Variable v) {
    return raw(v);
  }

  /** A secret value, printed as [REDACTED] everywhere. */
  public Optional<Secret> secret(Variable v) {
    if (!v.secret()) {
      throw new IllegalArgumentException(v.name() + " is not declared secret");
    }
    return raw(v).map(Secret::of);
  }

  /**
   * A base URL of a REST or WebSocket service. {@code secureScheme} (https or wss) is accepted for
   * any host; {@code plainScheme} (http or ws) only for loopback hosts, so no token or key ever
   * travels unencrypted over a network. With {@code pathAllowed} false, only {@code
   * scheme://host[:port]}.
   */
  public Optional<URI> baseUrl(
      Variable v, String secureScheme, String plainScheme, boolean pathAllowed) {
    return raw(v)
        .flatMap(
            s ->
                parse(
                    v,
                    s,
                    value -> {
                      URI uri = new URI(value);
                      String scheme =
                          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                      if (uri.getHost() == null
                          || !(scheme.equals(secureScheme) || scheme.equals(plainScheme))) {
                        throw new IllegalArgumentException(
                            "expected "
                                + secureScheme
                                + "://host[:port]"
                                + (pathAllowed ? "[/path]" : "")
                                + " (or "
                                + plainScheme
                                + ":// on a loopback address)");
                      }
                      if (scheme.equals(plainScheme) && !isLoopback(uri.getHost())) {
                        throw new IllegalArgumentException(
                            plainScheme
                                + ":// is only allowed for loopback addresses; use "
                                + secureScheme
                                + "://");
                      }
                      boolean hasPath =
                          uri.getRawPath() != null
                              && !uri.getRawPath().isEmpty()
                              && !uri.getRawPath().equals("/");
                      if ((!pathAllowed && hasPath)
                          || uri.getRawQuery() != null
                          || uri.getRawFragment() != null
                          || uri.getRawUserInfo() != null) {
                        throw new IllegalArgumentException(
                            "expected "
                                + secureScheme
                                + "://host[:port]"
                                + (pathAllowed ? "[/path]" : "")
                                + " without "
                                + (pathAllowed ? "" : "path, ")
                                + "query, fragment or credentials");
                      }
                      return uri;
                    }));
  }

  /** {@code host:port} to listen on, or empty for {@code off}. Port 0 picks a free port. */
  public Optional<InetSocketAddress> listenAddress(Variable v) {
    return raw(v)
        .flatMap(
            s -> {
              if (s.equalsIgnoreCase("off")) {
                return Optional.empty();
              }
              return parse(
                  v,
                  s,
                  value -> {
                    int colon = value.lastIndexOf(':');
                    if (colon <= 0 || colon == value.length() - 1) {
                      throw new IllegalArgumentException(
                          "expected host:port (e.g. 127.0.0.1:8081) or off");
                    }
                    String host = value.substring(0, colon).replace("[", "").replace("]", "");
                    if (!host.equals("localhost") && !host.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
                      throw new IllegalArgumentException(
                          "the host must be an IP address or localhost (e.g. 127.0.0.1:8081 or 0.0.0.0:8081)");
                    }
                    int port = Integer.parseInt(value.substring(colon + 1));
                    if (port < 0 || port > 65535) {
                      throw new IllegalArgumentException("port must be between 0 and 65535");
                    }
                    return new InetSocketAddress(InetAddress.getByName(host), port);
                  });
            });
  }

  /** A comma-separated list; blank items are dropped, duplicates are a problem. */
  public List<String> list(Variable v) {
    List<String> items = new ArrayList<>();
    raw(v)
        .ifPresent(
            s -> {
              Set<String> seen = new LinkedHashSet<>();
              for (String item : s.split(",")) {
                String trimmed = item.strip();
                if (trimmed.isEmpty()) {
                  continue;
                }
                if (!seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                  problem(v, "lists " + quote(trimmed) + " twice");
                }
                items.add(trimmed);
              }
            });
    return List.copyOf(items);
  }

  /** A comma-separated list of Telegram user ids (positive integers). */
  public Set<Long> userIds(Variable v, List<String> items) {
    Set<Long> ids = new LinkedHashSet<>();
    for (String item : items) {
      try {
        long id = Long.parseLong(item);
        if (id <= 0) {
          throw new NumberFormatException();
        }
        ids.add(id);
      } catch (NumberFormatException e) {
        problem(v, quote(item) + " is not a Telegram user id (a positive number, e.g. 123456789)");
      }
    }
    return Set.copyOf(ids);
  }

  /** A root log level name. */
  public String logLevel(Variable v) {
    String level = raw(v).orElse("INFO").toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      problem(v, "expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
      return "INFO";
    }
    return level;
  }

  /** A file-system path. */
  public Optional<Path> path(Variable v) {
    return raw(v).flatMap(s -> parse(v, s, Path::of));
  }

  /** Records a problem with {@code v}. */
  public void problem(Variable v, String message) {
    problems.add(new ConfigProblem(v.name(), message));
  }

  /** Records a problem not tied to one variable (e.g. two variables that conflict). */
  public void problem(String subject, String message) {
    problems.add(new ConfigProblem(subject, message));
  }

  /** Records something an operator should know about the effective configuration. */
  public void note(String note) {
    notes.add(note);
  }

  /** Notes recorded so far. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** The effective settings read so far, in reading order. */
  public List<Setting> settings() {
    return List.copyOf(settings.values());
  }

  /** Throws a {@link ConfigException} listing every problem, if there is any. */
  public void finish() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** Quotes a value for a problem message, shortening long values so no message grows unbounded. */
  public static String quote(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return "'" + shown + "'";
  }

  private void record(Variable v, String display) {
    settings.put(v.name(), new Setting(v.name(), display, env.origin(v.name())));
  }

  private <T> Optional<T> parse(Variable v, String value, Parser<T> parser) {
    try {
      return Optional.of(parser.apply(value));
    } catch (IllegalArgumentException e) {
      String reason = e instanceof NumberFormatException ? "expected a number" : e.getMessage();
      problem(v, quote(v.secret() ? Secret.REDACTED : value) + " is invalid: " + reason);
    } catch (URISyntaxException | UnknownHostException e) {
      problem(v, quote(v.secret() ? Secret.REDACTED : value) + " is invalid: " + e.getMessage());
    } catch (Exception e) {
      problem(v, quote(v.secret() ? Secret.REDACTED : value) + " is invalid: " + e);
    }
    return Optional.empty();
  }

  static boolean isLoopback(String host) {
    String h = host.replace("[", "").replace("]", "");
    return h.equals("localhost")
        || h.startsWith("127.")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  @FunctionalInterface
  private interface Parser<T> {
    T apply(String value) throws Exception;
  }
}
