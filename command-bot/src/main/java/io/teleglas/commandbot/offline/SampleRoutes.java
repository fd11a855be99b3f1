package io.teleglas.commandbot.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled sample files and the requests they answer, as {@code routes.txt} lists them: one line
 * {@code UPSTREAM METHOD PATH[?NAME=VALUE&...] FILE} per file, {@code FILE} in the {@code UPSTREAM}
 * folder. A request matches a route when method and path are equal and it carries every listed
 * parameter with that value; other parameters (time ranges, limits) are ignored. For a POST the
 * parameters are the top-level text fields of its JSON body. Immutable.
 */
final class SampleRoutes {
  static final String FOLDER = "/io/teleglas/commandbot/offline/";

  /**
   * One sample file and the request it answers.
   *
   * @param file the file's path in this folder, {@code upstream/name.json}
   * @param template the file's text, placeholders unfilled
   */
  record Route(
      String upstream,
      String method,
      String path,
      Map<String, String> params,
      String file,
      String template) {
    Route {
      params = Map.copyOf(params);
    }

    boolean matches(String method, String path, Map<String, String> given) {
      return this.method.equals(method)
          && this.path.equals(path)
          && params.entrySet().stream().allMatch(p -> p.getValue().equals(given.get(p.getKey())));
    }
  }

  private final List<Route> routes;

  private SampleRoutes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /**
   * The routes bundled in this jar, with their files read.
   *
   * @throws IllegalStateException if the list is malformed or names a file that is missing
   */
  static SampleRoutes bundled() {
    List<Route> routes = new ArrayList<>();
    String table = read("routes.txt");
    int number = 0;
    for (String line : table.split("\n")) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] words = text.split("\\s+");
      if (words.length != 4) {
        throw new IllegalStateException(
            "routes.txt line " + number + ": expected 4 words: " + text);
      }
      String[] target = words[2].split("\\?", 2);
      Map<String, String> params = new LinkedHashMap<>();
      if (target.length == 2) {
        for (String pair : target[1].split("&")) {
          String[] nameValue = pair.split("=", 2);
          params.put(nameValue[0], nameValue.length == 2 ? nameValue[1] : "");
        }
      }
      String file = words[0] + "/" + words[3];
      routes.add(new Route(words[0], words[1], target[0], params, file, read(file)));
    }
    return new SampleRoutes(routes);
  }

  List<Route> all() {
    return routes;
  }

  /** The route answering the request, if any. */
  Optional<Route> find(String method, String path, Map<String, String> params) {
    return routes.stream().filter(r -> r.matches(method, path, params)).findFirst();
  }

  /** The upstream whose routes use {@code path}, whatever the parameters. */
  Optional<String> upstreamOf(String path) {
    return routes.stream().filter(r -> r.path().equals(path)).map(Route::upstream).findFirst();
  }

  private static String read(String name) {
    try (InputStream in = SampleRoutes.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled sample file is missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled sample file " + name, e);
    }
  }
}
