package io.teleglas.alertbot;

import io.teleglas.core.config.DotEnv;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Entry point of {@code alert-bot.jar}; everything happens in {@link AlertBotApp}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    AlertBotApp app =
        new AlertBotApp(
            System.getenv(),
            DotEnv.read(Path.of(".env")),
            utf8(FileDescriptor.out),
            utf8(FileDescriptor.err));
    System.exit(app.run(args));
  }

  /** Output is UTF-8 whatever the locale: replies carry emoji, arrows and dashes. */
  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
  }
}
