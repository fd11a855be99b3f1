package io.teleglas.commandbot.command;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What the bot answers: Telegram HTML, never empty, and optionally the command line a "Refresh"
 * button re-runs to update the message in place (e.g. {@code /raw BTC}).
 */
public record Reply(String html, Optional<String> refresh) {
  /** Telegram's limit for callback data, in bytes; the refresh command must fit with its prefix. */
  public static final int MAX_REFRESH_BYTES = 60;

  public Reply {
    requireNonNull(html, "html is null");
    requireNonNull(refresh, "refresh is null");
    if (html.isBlank()) {
      throw new IllegalArgumentException("a reply is never empty");
    }
    refresh.ifPresent(
        r -> {
          if (!r.startsWith("/")
              || r.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_REFRESH_BYTES) {
            throw new IllegalArgumentException("refresh must be a short command line: " + r);
          }
        });
  }

  /** A reply without a refresh button. */
  public Reply(String html) {
    this(html, Optional.empty());
  }

  /** A reply with a button that re-runs {@code commandLine}. */
  public static Reply refreshable(String html, String commandLine) {
    return new Reply(html, Optional.of(commandLine));
  }
}
