package io.teleglas.alertbot.render;

import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Operational notices for the admin chat ({@code TELEGRAM_ADMIN_CHAT_ID}): one or two short lines
 * each, an emoji saying at a glance whether things got better or worse. Source names and problem
 * texts come from configuration and upstream, so they are escaped and cut. Stateless and
 * thread-safe.
 */
public final class NoticeHtml {

  private static final int MAX_NAME = 32;
  private static final int MAX_PROBLEM = 300;

  private NoticeHtml() {}

  /** {@code ✅ binance connected}. */
  public static String connected(String source) {
    return "✅ <b>" + name(source) + "</b> connected";
  }

  /** {@code ⚠️ binance disconnected: read timeout}. */
  public static String disconnected(String source, String reason) {
    return "⚠️ <b>" + name(source) + "</b> disconnected: " + problem(reason);
  }

  /** The active source changed; to empty means no source is healthy. */
  public static String switched(Optional<String> from, Optional<String> to) {
    String was = from.map(NoticeHtml::name).orElse("none");
    return to.map(now -> "🔀 Active source: <b>" + name(now) + "</b> (was " + was + ")")
        .orElse("🛑 <b>No source is healthy</b> (was " + was + "): alerts have stopped");
  }

  /** No source delivered for {@code gap}. */
  public static String dataGap(Duration gap) {
    return "🕳 <b>Data gap</b>: no source delivered for "
        + Formats.duration(gap)
        + "; events in that window may be missing";
  }

  /** Something went wrong on a source without a disconnect. */
  public static String error(String source, String problem) {
    return "❗ <b>" + name(source) + "</b>: " + problem(problem);
  }

  /**
   * Alerts are waiting for Telegram.
   *
   * @param pending messages not yet delivered
   * @param oldest when the oldest of them was made, if known
   * @param now the current time, for the oldest one's age
   */
  public static String deliveryBacklog(long pending, Optional<Instant> oldest, Instant now) {
    Objects.requireNonNull(now, "now is null");
    String age =
        oldest
            .map(t -> Duration.between(t, now))
            .filter(d -> !d.isNegative())
            .map(d -> ", oldest " + Formats.duration(d) + " old")
            .orElse("");
    return "📮 <b>Delivery backlog</b>: "
        + pending
        + " message"
        + (pending == 1 ? "" : "s")
        + " waiting"
        + age;
  }

  /** The backlog drained. */
  public static String deliveryRecovered() {
    return "📬 <b>Delivery recovered</b>: the backlog is sent";
  }

  private static String name(String source) {
    return Html.escape(
        Parts.cut(Objects.requireNonNull(source, "source is null").strip(), MAX_NAME));
  }

  private static String problem(String text) {
    String stripped = Objects.requireNonNull(text, "problem is null").strip();
    return stripped.isEmpty() ? "no reason given" : Html.escape(Parts.cut(stripped, MAX_PROBLEM));
  }
}
