package io.teleglas.core.coinglass;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * CoinGlass payloads in {@code src/test/resources/io/teleglas/core/coinglass/}. Those named after
 * an endpoint are the official v4 doc samples ([CG-DOCS] {@code coinglass-api/coinglass-api-docs}
 * {@code rest/...}, quoted in market-apis.md §A.6) with the docs' {@code //} comments, blank lines
 * and {@code ...} elisions removed so that they are valid JSON; each test names its source.
 */
final class Fixtures {
  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
