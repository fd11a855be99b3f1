package io.teleglas.commandbot;

import io.teleglas.core.config.DotEnv;
import java.nio.file.Path;

/** Entry point of {@code command-bot.jar}; everything happens in {@link CommandBotApp}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CommandBotApp app =
        new CommandBotApp(
            System.getenv(), DotEnv.read(Path.of(".env")), System.in, System.out, System.err);
    System.exit(app.run(args));
  }
}
