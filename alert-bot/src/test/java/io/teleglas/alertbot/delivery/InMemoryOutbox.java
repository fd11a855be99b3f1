package io.teleglas.alertbot.delivery;

import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.Outbox;
import io.teleglas.alertbot.store.OutboxEntry;
import io.teleglas.alertbot.store.OutboxStats;
import io.teleglas.core.telegram.ChatId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * An {@link Outbox} in memory that follows the interface's Javadoc to the letter, including EDIT
 * coalescing and digest merging, and is strict where the JDBC store may be lenient: marking an id
 * that is not pending throws, so a worker that marks twice fails its test. A new entry is due from
 * its alert's {@code createdAt}. Thread-safe (every method synchronized).
 */
public final class InMemoryOutbox implements Outbox {

  /** What became of an entry that is no longer pending. */
  record Outcome(long id, OutboundMessage message, String state, String reason) {}

  private final TreeMap<Long, OutboxEntry> pending = new TreeMap<>();
  private final Map<String, Integer> groupMessages = new HashMap<>();
  private final List<Outcome> finished = new ArrayList<>();
  private long nextId = 1;
  private long delivered;
  private long failed;
  private long merged;

  @Override
  public synchronized long add(OutboundMessage message) {
    if (message.kind() == MessageKind.EDIT) {
      Optional<OutboxEntry> same =
          pending.values().stream()
              .filter(e -> e.message().chat().equals(message.chat()))
              .filter(e -> e.message().groupKey().equals(message.groupKey()))
              .findFirst();
      if (same.isPresent()) {
        OutboxEntry old = same.get();
        OutboundMessage kept = old.message();
        OutboundMessage replaced =
            new OutboundMessage(
                kept.chat(),
                kept.kind(),
                kept.groupKey(),
                message.html(),
                message.summary(),
                kept.createdAt());
        pending.put(old.id(), new OutboxEntry(old.id(), replaced, old.attempts(), old.notBefore()));
        return old.id();
      }
    }
    long id = nextId++;
    pending.put(id, new OutboxEntry(id, message, 0, message.createdAt()));
    return id;
  }

  @Override
  public synchronized List<OutboxEntry> due(Instant now, int limit) {
    return pending.values().stream().filter(e -> !e.notBefore().isAfter(now)).limit(limit).toList();
  }

  @Override
  public synchronized List<OutboxEntry> pending(ChatId chat) {
    return pending.values().stream().filter(e -> e.message().chat().equals(chat)).toList();
  }

  @Override
  public synchronized void markDelivered(long id, OptionalInt messageId, Instant at) {
    OutboxEntry entry = take(id);
    OutboundMessage message = entry.message();
    if (messageId.isPresent() && message.groupKey().isPresent()) {
      groupMessages.put(key(message.chat(), message.groupKey().get()), messageId.getAsInt());
    }
    delivered++;
    finished.add(new Outcome(id, message, "delivered", ""));
  }

  @Override
  public synchronized void retryLater(long id, Instant notBefore, String reason) {
    OutboxEntry entry = pending(id);
    pending.put(id, new OutboxEntry(id, entry.message(), entry.attempts() + 1, notBefore));
  }

  @Override
  public synchronized void markFailed(long id, String reason, Instant at) {
    OutboxEntry entry = take(id);
    failed++;
    finished.add(new Outcome(id, entry.message(), "failed", reason));
  }

  @Override
  public synchronized long mergeIntoDigest(List<Long> ids, OutboundMessage digest) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no ids to merge");
    }
    for (long id : ids) {
      OutboxEntry entry = pending(id);
      if (entry.message().kind() != MessageKind.SEND
          || !entry.message().chat().equals(digest.chat())) {
        throw new IllegalArgumentException("entry " + id + " is not a SEND to " + digest.chat());
      }
    }
    long oldest = ids.stream().mapToLong(Long::longValue).min().getAsLong();
    for (long id : ids) {
      if (id != oldest) {
        OutboxEntry entry = take(id);
        merged++;
        finished.add(new Outcome(id, entry.message(), "merged", "into " + oldest));
      }
    }
    OutboxEntry head = pending(oldest);
    pending.put(oldest, new OutboxEntry(oldest, digest, head.attempts(), head.notBefore()));
    return oldest;
  }

  @Override
  public synchronized Optional<Integer> groupMessage(ChatId chat, String groupKey) {
    return Optional.ofNullable(groupMessages.get(key(chat, groupKey)));
  }

  @Override
  public synchronized OutboxStats stats() {
    return new OutboxStats(
        pending.size(),
        pending.isEmpty()
            ? Optional.empty()
            : Optional.of(pending.firstEntry().getValue().message().createdAt()),
        delivered,
        failed,
        merged);
  }

  /** Entries no longer pending, in the order they were finished. */
  synchronized List<Outcome> finished() {
    return List.copyOf(finished);
  }

  synchronized int pendingCount() {
    return pending.size();
  }

  private OutboxEntry pending(long id) {
    OutboxEntry entry = pending.get(id);
    if (entry == null) {
      throw new IllegalStateException("entry " + id + " is not pending");
    }
    return entry;
  }

  private OutboxEntry take(long id) {
    OutboxEntry entry = pending(id);
    pending.remove(id);
    return entry;
  }

  private static String key(ChatId chat, String groupKey) {
    return chat.value() + "\u0000" + groupKey;
  }
}
