package io.teleglas.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this build was made from, filtered into a resource by Maven. */
public final class BuildInfo {
  private BuildInfo() {}

  /** The project version, e.g. {@code 0.1.0}. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in =
        BuildInfo.class.getResourceAsStream("/io/teleglas/core/build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties is missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }
}
