package io.teleglas.alertbot.dispatch;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.AlertSink;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.core.telegram.ChatId;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the engine's alerts into channel messages: an alert that opens a group (NEW, ESCALATION) is
 * sent as a new message; its UPDATE and RESOLVED edit that message, so a storm is one message that
 * grows and ends. Every storm gets its own message: the outbox group is the rule's group key plus
 * the event time of the storm's first event, so a second storm on the same coin and side never
 * edits the first one's message.
 *
 * <p>Everything here follows from the alerts alone, never from this process's clock or history: two
 * instances whose engines saw the same events name the same groups and give each opening message
 * the same {@link OutboundMessage#dedupKey() dedup key}. That is what lets a standby take over a
 * storm the old leader opened (its edits land on the same message) and store the alerts the old
 * leader had not, without repeating those it had (docs/operations.md, high availability).
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

  /** Opening names remembered to tell same-millisecond openings apart; the oldest go first. */
  private static final int REMEMBERED_NAMES = 10_000;

  private final ChatId channel;
  private final Renderer renderer;
  private final Consumer<OutboundMessage> outbox;
  private final Clock clock;
  private final Map<String, String> openGroups = new HashMap<>();
  private final Map<String, Integer> instancesNamed = new LinkedHashMap<>();

  public ChannelRouter(
      ChatId channel, Renderer renderer, Consumer<OutboundMessage> outbox, Clock clock) {
    this.channel = requireNonNull(channel, "channel is null");
    this.renderer = requireNonNull(renderer, "renderer is null");
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public void accept(Alert alert) {
    Text text = renderer.render(alert);
    MessageKind kind;
    Optional<String> group;
    Optional<String> dedupKey = Optional.empty();
    switch (alert.kind()) {
      case NEW, ESCALATION -> {
        String instance = instanceOf(alert);
        openGroups.put(alert.groupKey(), instance);
        kind = MessageKind.SEND;
        group = Optional.of(instance);
        dedupKey = Optional.of(channel + "|" + instance);
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
        new OutboundMessage(
            channel, kind, group, text.html(), text.summary(), clock.instant(), dedupKey));
  }

  /**
   * The group an opening alert starts: its group key and first event time (plus the last for an
   * escalation, which opens a second message for the same events' group). Two openings that would
   * get the same name (events in the same millisecond) are told apart by a counter, which both
   * instances count alike.
   */
  private String instanceOf(Alert alert) {
    String name = alert.groupKey() + "#" + alert.firstEventTime().toEpochMilli();
    if (alert.kind() == AlertKind.ESCALATION) {
      name += "+" + alert.lastEventTime().toEpochMilli();
    }
    int seen = instancesNamed.merge(name, 1, Integer::sum);
    if (instancesNamed.size() > REMEMBERED_NAMES) {
      instancesNamed.remove(instancesNamed.keySet().iterator().next());
    }
    return seen == 1 ? name : name + "~" + seen;
  }

  /** Groups whose last message was not a RESOLVED, for tests and status. */
  int openGroupCount() {
    return openGroups.size();
  }
}
