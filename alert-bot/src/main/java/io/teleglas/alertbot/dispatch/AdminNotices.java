package io.teleglas.alertbot.dispatch;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.render.NoticeHtml;
import io.teleglas.alertbot.source.SourceNotices;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.OutboxStats;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.telegram.Html;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operational notices for {@code TELEGRAM_ADMIN_CHAT_ID}: source switched, disconnected or back,
 * data gaps, errors and a delivery backlog, each also passed to {@code log} (which writes them to
 * the log whether or not an admin chat is configured). Notices go through the same outbox as
 * alerts, so they are rate-limited and survive a restart; a notice about the same subject within
 * {@link #REPEAT_AFTER} is not repeated, so a flapping source cannot flood the admin chat.
 *
 * <p>Thread-safe: the source manager's scheduler and the backlog check call it.
 */
public final class AdminNotices implements SourceNotices {

  /** A notice about one subject (one source's state, the backlog) repeats at most this often. */
  public static final Duration REPEAT_AFTER = Duration.ofMinutes(5);

  /** Pending messages above which the backlog is reported. */
  public static final long BACKLOG_PENDING = 100;

  /** A pending message older than this makes the backlog reported. */
  public static final Duration BACKLOG_AGE = Duration.ofMinutes(2);

  private static final Logger DELIVERY_LOG = LoggerFactory.getLogger("delivery");

  private final Optional<ChatId> adminChat;
  private final SourceNotices log;
  private final Consumer<OutboundMessage> outbox;
  private final Clock clock;
  private final Map<String, Instant> lastSent = new HashMap<>();
  private boolean backlogReported;

  public AdminNotices(
      Optional<ChatId> adminChat,
      SourceNotices log,
      Consumer<OutboundMessage> outbox,
      Clock clock) {
    this.adminChat = requireNonNull(adminChat, "adminChat is null");
    this.log = requireNonNull(log, "log is null");
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public void connected(String source) {
    log.connected(source);
    send("connected|" + source, NoticeHtml.connected(source));
  }

  @Override
  public void disconnected(String source, String reason) {
    log.disconnected(source, reason);
    send("disconnected|" + source, NoticeHtml.disconnected(source, reason));
  }

  @Override
  public void switched(Optional<String> from, Optional<String> to) {
    log.switched(from, to);
    send("switch|" + to.orElse("-"), NoticeHtml.switched(from, to));
  }

  @Override
  public void dataGap(Duration gap) {
    log.dataGap(gap);
    send("gap", NoticeHtml.dataGap(gap));
  }

  @Override
  public void error(String source, String problem) {
    log.error(source, problem);
    send("error|" + source, NoticeHtml.error(source, problem));
  }

  /**
   * Checks the outbox: reports a backlog once when it crosses {@link #BACKLOG_PENDING} or {@link
   * #BACKLOG_AGE}, and its recovery once when it has drained.
   */
  public void checkBacklog(Supplier<OutboxStats> stats) {
    OutboxStats s = stats.get();
    Instant now = clock.instant();
    boolean backlog =
        s.pending() > BACKLOG_PENDING
            || s.oldestPending().map(t -> t.isBefore(now.minus(BACKLOG_AGE))).orElse(false);
    synchronized (this) {
      if (backlog == backlogReported) {
        return;
      }
      backlogReported = backlog;
    }
    if (backlog) {
      DELIVERY_LOG.warn("delivery backlog: {} message(s) waiting for Telegram", s.pending());
      enqueue(NoticeHtml.deliveryBacklog(s.pending(), s.oldestPending(), now));
    } else {
      DELIVERY_LOG.info("delivery backlog cleared");
      enqueue(NoticeHtml.deliveryRecovered());
    }
  }

  private void send(String subject, String html) {
    Instant now = clock.instant();
    synchronized (this) {
      Instant last = lastSent.get(subject);
      if (last != null && now.isBefore(last.plus(REPEAT_AFTER))) {
        return;
      }
      lastSent.put(subject, now);
    }
    enqueue(html);
  }

  private void enqueue(String html) {
    adminChat.ifPresent(
        chat ->
            outbox.accept(
                new OutboundMessage(
                    chat,
                    MessageKind.SEND,
                    Optional.empty(),
                    html,
                    firstLine(html),
                    clock.instant())));
  }

  private static String firstLine(String html) {
    String plain = Html.toPlainText(html).strip();
    int nl = plain.indexOf('\n');
    return Html.escape(nl < 0 ? plain : plain.substring(0, nl));
  }
}
