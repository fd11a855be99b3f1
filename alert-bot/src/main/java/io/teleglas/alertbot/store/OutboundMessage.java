package io.teleglas.alertbot.store;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.telegram.ChatId;
import java.time.Instant;
import java.util.Optional;

/**
 * A message handed to the outbox: where it goes, what it says and how it relates to earlier ones.
 *
 * @param chat the chat it goes to
 * @param kind a new message, or an edit of its group's message
 * @param groupKey the messages of one group (one storm in one chat) are one Telegram message: the
 *     first is sent, the later ones edit it; required for {@link MessageKind#EDIT}
 * @param html the full text, Telegram HTML, at most 4096 characters
 * @param summary a one-line Telegram HTML summary, used when several waiting messages are merged
 *     into one digest
 * @param createdAt when the alert was made
 * @param dedupKey the message's identity across instances: the outbox stores a message whose key it
 *     already holds only once (see {@link Outbox#add}); empty for messages without one, such as
 *     edits (which coalesce by group anyway), digests and admin notices. It is an instruction for
 *     storing: entries read back from the outbox do not carry it.
 */
public record OutboundMessage(
    ChatId chat,
    MessageKind kind,
    Optional<String> groupKey,
    String html,
    String summary,
    Instant createdAt,
    Optional<String> dedupKey) {

  public OutboundMessage {
    requireNonNull(chat, "chat is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(groupKey, "groupKey is null");
    requireNonNull(html, "html is null");
    requireNonNull(summary, "summary is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(dedupKey, "dedupKey is null");
    if (kind == MessageKind.EDIT && groupKey.isEmpty()) {
      throw new IllegalArgumentException("an EDIT needs a groupKey");
    }
    if (html.isBlank()) {
      throw new IllegalArgumentException("html is blank");
    }
    if (dedupKey.isPresent() && dedupKey.get().isBlank()) {
      throw new IllegalArgumentException("dedupKey is blank");
    }
  }

  /** A message without a dedup key. */
  public OutboundMessage(
      ChatId chat,
      MessageKind kind,
      Optional<String> groupKey,
      String html,
      String summary,
      Instant createdAt) {
    this(chat, kind, groupKey, html, summary, createdAt, Optional.empty());
  }

  /** This message with {@code key} as its dedup key. */
  public OutboundMessage withDedupKey(String key) {
    return new OutboundMessage(chat, kind, groupKey, html, summary, createdAt, Optional.of(key));
  }
}
