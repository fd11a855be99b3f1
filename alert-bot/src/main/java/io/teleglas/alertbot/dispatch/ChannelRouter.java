package io.teleglas.alertbot.dispatch;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertSink;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.core.telegram.ChatId;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the engine's alerts into channel messages: an alert that opens a group (NEW, ESCALATION) is
 * sent as a new message; its UPDATE and RESOLVED edit that message, so a storm is one message that
 * grows and ends. Every storm gets its own message: the outbox group is the rule's group key plus a
 * sequence number, so a second storm on the same coin and side never edits the first one's message.
 *
 * <p>Threading: engine thread only, like every {@link AlertSink}; the handoff stores the message
 * durably and returns quickly.
 */
public final class ChannelRouter implements AlertSink {

  /** Renders an alert as Telegram HTML plus a one-line digest summary. */
  @FunctionalInterface
  public interface Renderer {
    Text render(Alert alert);
  }

  /** A rendered alert. */
  public record Text(String html, String summary) {
    public Text {
      requireNonNull(html, "html is null");
      requireNonNull(summary, "summary is null");
    }
  }

  private final ChatId channel;
  private final Renderer renderer;
  private final Consumer<OutboundMessage> outbox;
  private final Clock clock;
  private final Map<String, String> openGroups = new HashMap<>();
  private long sequence;

  public ChannelRouter(
      ChatId channel, Renderer renderer, Consumer<OutboundMessage> outbox, Clock clock) {
    this.channel = requireNonNull(channel, "channel is null");
    this.renderer = requireNonNull(renderer, "renderer is null");
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.sequence = clock.millis();
  }

  @Override
  public void accept(Alert alert) {
    Text text = renderer.render(alert);
    MessageKind kind;
    Optional<String> group;
    switch (alert.kind()) {
      case NEW, ESCALATION -> {
        String instance = alert.groupKey() + "#" + sequence++;
        openGroups.put(alert.groupKey(), instance);
        kind = MessageKind.SEND;
        group = Optional.of(instance);
      }
      case UPDATE -> {
        group = Optional.ofNullable(openGroups.get(alert.groupKey()));
        kind = group.isPresent() ? MessageKind.EDIT : MessageKind.SEND;
      }
      case RESOLVED -> {
        group = Optional.ofNullable(openGroups.remove(alert.groupKey()));
        kind = group.isPresent() ? MessageKind.EDIT : MessageKind.SEND;
      }
      default -> throw new IllegalStateException("unknown alert kind " + alert.kind());
    }
    outbox.accept(
        new OutboundMessage(channel, kind, group, text.html(), text.summary(), clock.instant()));
  }

  /** Groups whose last message was not a RESOLVED, for tests and status. */
  int openGroupCount() {
    return openGroups.size();
  }
}
