package io.teleglas.alertbot.render;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.telegram.Html;
import io.teleglas.core.telegram.MessageSplitter;

/**
 * An alert as Telegram shows it.
 *
 * @param html the full message, Telegram HTML, at most {@link MessageSplitter#MAX_LENGTH}
 *     characters, with visible text
 * @param summary the same alert in one line of Telegram HTML, for a digest of several alerts
 */
public record Rendered(String html, String summary) {

  public Rendered {
    requireNonNull(html, "html is null");
    requireNonNull(summary, "summary is null");
    if (html.length() > MessageSplitter.MAX_LENGTH) {
      throw new IllegalArgumentException("html is " + html.length() + " characters, over 4096");
    }
    if (Html.toPlainText(html).isBlank() || Html.toPlainText(summary).isBlank()) {
      throw new IllegalArgumentException("html and summary must show some text");
    }
    if (summary.indexOf('\n') >= 0 || summary.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("summary must be one line");
    }
  }

  /** What a chat shows: the text without markup, for the console and {@code --demo}. */
  public String plain() {
    return Html.toPlainText(html);
  }
}
