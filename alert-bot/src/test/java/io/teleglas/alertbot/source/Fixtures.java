package io.teleglas.alertbot.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Frames in {@code src/test/resources/io/teleglas/alertbot/source/<venue>/}, one case per file.
 * Those named {@code *-doc} are the venues' documented samples quoted in market-apis.md, with the
 * docs' {@code //} comments and trailing commas removed so they are valid JSON; each test names its
 * source.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture {@code name} in the package of {@code anchor}. */
  public static String text(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name + " next to " + anchor.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with {@code target} replaced, failing if it does not occur. */
  public static String replace(String text, String target, String replacement) {
    if (!text.contains(target)) {
      throw new IllegalArgumentException("fixture has no " + target);
    }
    return text.replace(target, replacement);
  }
}
