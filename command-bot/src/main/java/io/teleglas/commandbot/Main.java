package io.teleglas.commandbot;

import io.teleglas.core.config.DotEnv;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Entry point of {@code command-bot.jar}; everything happens in {@link CommandBotApp}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CommandBotApp app =
        new CommandBotApp(
            System.getenv(),
            DotEnv.read(Path.of(".env")),
            System.in,
            utf8(FileDescriptor.out),
            utf8(FileDescriptor.err));
    System.exit(app.run(args));
  }

  /** Output is UTF-8 whatever the locale: replies carry emoji, arrows and dashes. */
  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
  }
}
