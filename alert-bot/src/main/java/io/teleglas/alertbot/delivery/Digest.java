package io.teleglas.alertbot.delivery;

import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one message that replaces a chat's backlog: a header counting the alerts, then one line per
 * alert (its time and summary) oldest first, cut at whole lines to fit Telegram's 4096 characters
 * with "…and K more" so that nothing disappears silently. Lengths are counted on the HTML, which is
 * never shorter than what Telegram counts. Stateless.
 */
final class Digest {
  static final int MAX_LENGTH = 4096;

  private Digest() {}

  /** The digest line of one waiting message: when its alert was made and its summary. */
  static String line(OutboundMessage message) {
    return Html.escape(Formats.utcTime(message.createdAt())) + " · " + message.summary();
  }

  /** The digest of {@code lines} (at least one) for {@code chat}, dated by its oldest alert. */
  static OutboundMessage of(ChatId chat, List<String> lines, Instant oldest) {
    String header = header(lines.size());
    return new OutboundMessage(
        chat, MessageKind.SEND, Optional.empty(), text(header, lines), header, oldest);
  }

  static String text(String header, List<String> lines) {
    StringBuilder text = new StringBuilder(header);
    for (int i = 0; i < lines.size(); i++) {
      int left = lines.size() - i - 1;
      int needed = 1 + lines.get(i).length() + (left == 0 ? 0 : more(left).length() + 1);
      if (text.length() + needed > MAX_LENGTH) {
        return text.append('\n').append(more(lines.size() - i)).toString();
      }
      text.append('\n').append(lines.get(i));
    }
    return text.toString();
  }

  private static String header(int count) {
    return "⚡ <b>" + count + " alerts</b> while Telegram was rate-limiting or unreachable:";
  }

  private static String more(int count) {
    return "<i>…and " + count + " more</i>";
  }
}
