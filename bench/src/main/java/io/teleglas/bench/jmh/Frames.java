package io.teleglas.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The documented frames the decode benchmarks read, one compact JSON frame per file under {@code
 * io/teleglas/bench/frames}: copies of alert-bot's decoder test fixtures (the venues' documented
 * examples), with the Binance aggTrade wrapped in the combined-stream envelope the bot subscribes
 * to.
 */
final class Frames {
  private Frames() {}

  /** The frame named {@code name}, e.g. {@code binance-liquidation}. */
  static String named(String name) {
    String path = "/io/teleglas/bench/frames/" + name + ".json";
    try (InputStream in = Frames.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no frame " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
