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
import java.util.Optional;

/**
 * {@code --console}: reads one command per line from stdin and prints each reply as the chat would
 * show it (text without the HTML markup), until the input ends. A notice, when given, comes first
 * on a line of its own (with {@code --offline}: that the answers are sample data).
 */
final class ConsoleSession {
  static final long CONSOLE_USER = 0;

  private final CommandRouter router;
  private final InputStream in;
  private final PrintStream out;
  private final Optional<String> notice;

  ConsoleSession(CommandRouter router, InputStream in, PrintStream out, Optional<String> notice) {
    this.router = router;
    this.in = in;
    this.out = out;
    this.notice = notice;
  }

  int run() {
    notice.ifPresent(
        n -> {
          out.println(n);
          out.println();
          out.flush();
        });
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
