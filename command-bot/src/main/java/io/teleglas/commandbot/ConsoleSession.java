package io.teleglas.commandbot;

import io.teleglas.commandbot.command.CommandRouter;
import io.teleglas.commandbot.command.Reply;
import io.teleglas.core.telegram.Html;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code --console}: reads one command per line from stdin and prints each reply as the chat would
 * show it (text without the HTML markup), until the input ends.
 */
final class ConsoleSession {
  static final long CONSOLE_USER = 0;

  private final CommandRouter router;
  private final InputStream in;
  private final PrintStream out;

  ConsoleSession(CommandRouter router, InputStream in, PrintStream out) {
    this.router = router;
    this.in = in;
    this.out = out;
  }

  int run() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Reply reply = router.route(CONSOLE_USER, CONSOLE_USER, line);
        out.println("> " + line.strip());
        out.println(Html.toPlainText(reply.html()));
        out.println();
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }
}
