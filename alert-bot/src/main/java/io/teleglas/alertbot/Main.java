package io.teleglas.alertbot;

import io.teleglas.core.config.DotEnv;
import java.nio.file.Path;

/** Entry point of {@code alert-bot.jar}; everything happens in {@link AlertBotApp}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    AlertBotApp app =
        new AlertBotApp(System.getenv(), DotEnv.read(Path.of(".env")), System.out, System.err);
    System.exit(app.run(args));
  }
}
