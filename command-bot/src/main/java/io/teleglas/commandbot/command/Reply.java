package io.teleglas.commandbot.command;

import static java.util.Objects.requireNonNull;

/** What the bot answers: Telegram HTML, never empty. */
public record Reply(String html) {
  public Reply {
    requireNonNull(html, "html is null");
    if (html.isBlank()) {
      throw new IllegalArgumentException("a reply is never empty");
    }
  }
}
