package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.Outbox;
import io.teleglas.alertbot.store.OutboxEntry;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.telegram.Html;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of delivery at a time: for each chat with a due entry, oldest first, merges a backlog
 * the chat's limits cannot let through soon into a digest, then sends the chat's oldest pending
 * entry if it is due and the limits allow, at most one request per chat per round. A chat whose
 * oldest entry may not go yet sends nothing, so per-chat order holds even when a later entry is
 * due. {@link #runOnce()} answers when the next round is worth running; it never waits.
 *
 * <p>Outcomes are applied as docs/delivery.md describes. What the outbox cannot hold (an entry to
 * be resent as plain text or as a new message, the lines a digest was made of) is remembered here,
 * per entry id; after a restart it is found again by failing once more.
 *
 * <p>Not thread-safe: confined to the delivery thread (or a test driving rounds by hand).
 */
final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Outbox outbox;
  private final TelegramSender sender;
  private final RateLimits limits;
  private final RetryPolicy retry;
  private final DeliverySettings settings;
  private final Outcomes outcomes;
  private final Clock clock;
  private final Set<Long> plainText = new HashSet<>();
  private final Set<Long> sendAsNew = new HashSet<>();
  private final Map<Long, List<String>> digestLines = new HashMap<>();
  private int failureStreak;

  Dispatcher(
      Outbox outbox,
      TelegramSender sender,
      RetryPolicy retry,
      DeliverySettings settings,
      Outcomes outcomes,
      Clock clock) {
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.sender = requireNonNull(sender, "sender is null");
    this.retry = requireNonNull(retry, "retry is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.outcomes = requireNonNull(outcomes, "outcomes is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.limits = new RateLimits(settings.limits());
  }

  /** Runs one round; returns when the next one should run (at most {@code idlePoll} from now). */
  Instant runOnce() {
    Instant now = clock.instant();
    limits.forgetIdle(now);
    Instant next = now.plus(settings.idlePoll());
    Set<ChatId> chats = new LinkedHashSet<>();
    outbox.due(now, settings.batch()).forEach(e -> chats.add(e.message().chat()));
    for (ChatId chat : chats) {
      List<OutboxEntry> pending = digestBacklog(chat, outbox.pending(chat), now);
      if (pending.isEmpty()) {
        continue;
      }
      OutboxEntry head = pending.get(0);
      Instant at = later(head.notBefore(), limits.nextAllowed(chat, now));
      if (!at.isAfter(now)) {
        attempt(head);
        at = limits.nextAllowed(chat, now);
      }
      next = earlier(next, at);
    }
    return next;
  }

  private List<OutboxEntry> digestBacklog(ChatId chat, List<OutboxEntry> pending, Instant now) {
    List<OutboxEntry> run = new ArrayList<>();
    for (OutboxEntry entry : pending) {
      if (entry.message().kind() != MessageKind.SEND) {
        break;
      }
      run.add(entry);
    }
    if (run.size() < settings.digestMinEntries()
        || run.size() <= limits.allowance(chat, now, settings.digestHorizon(), run.size())) {
      return pending;
    }
    List<String> lines = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (OutboxEntry entry : run) {
      ids.add(entry.id());
      lines.addAll(digestLines.getOrDefault(entry.id(), List.of(Digest.line(entry.message()))));
      forget(entry.id());
    }
    OutboundMessage digest = Digest.of(chat, lines, run.get(0).message().createdAt());
    long id = outbox.mergeIntoDigest(ids, digest);
    digestLines.put(id, List.copyOf(lines));
    outcomes.digested(chat, run.size(), lines.size());
    return outbox.pending(chat);
  }

  private void attempt(OutboxEntry entry) {
    OutboundMessage message = entry.message();
    ChatId chat = message.chat();
    boolean html = !plainText.contains(entry.id());
    String text = html ? message.html() : Html.toPlainText(message.html());
    Optional<Integer> target =
        message.kind() == MessageKind.EDIT && !sendAsNew.contains(entry.id())
            ? outbox.groupMessage(chat, message.groupKey().orElseThrow())
            : Optional.empty();
    limits.record(chat, clock.instant());
    SendOutcome outcome =
        target.isPresent()
            ? sender.edit(chat, target.get(), text, html)
            : sender.send(chat, text, html);
    apply(entry, outcome, target, html, clock.instant());
  }

  private void apply(
      OutboxEntry entry, SendOutcome outcome, Optional<Integer> target, boolean html, Instant at) {
    if (outcome instanceof SendOutcome.Transient failure) {
      unavailable(entry, failure.reason(), at);
      return;
    }
    failureStreak = 0;
    outcomes.answered();
    String kind = !html ? "plain" : target.isPresent() ? "edit" : "send";
    if (outcome instanceof SendOutcome.Accepted accepted) {
      delivered(entry, OptionalInt.of(accepted.messageId()), kind, at);
    } else if (outcome instanceof SendOutcome.Unchanged) {
      delivered(entry, target.map(OptionalInt::of).orElse(OptionalInt.empty()), kind, at);
    } else if (outcome instanceof SendOutcome.RateLimited limited) {
      rateLimited(entry, limited, at);
    } else if (outcome instanceof SendOutcome.BadHtml bad && html) {
      plainText.add(entry.id());
      retryNow(
          entry, "bad_html", "HTML refused, resending as plain text: " + bad.description(), at);
    } else if (outcome instanceof SendOutcome.EditTargetMissing missing && target.isPresent()) {
      sendAsNew.add(entry.id());
      retryNow(entry, "edit_missing", "resending as a new message: " + missing.description(), at);
    } else if (outcome instanceof SendOutcome.ChatUnreachable gone) {
      ChatId chat = entry.message().chat();
      outbox.pending(chat).forEach(e -> fail(e, gone.description(), "chat_unreachable", at));
      outcomes.unreachable(chat, gone.description());
    } else {
      fail(entry, describe(outcome), "rejected", at);
    }
  }

  private void unavailable(OutboxEntry entry, String reason, Instant at) {
    failureStreak++;
    Duration wait = retry.delay(Math.max(entry.attempts(), failureStreak - 1));
    limits.holdAll(at.plus(wait));
    outbox.retryLater(entry.id(), at.plus(wait), reason);
    outcomes.retried(entry, "unavailable", reason, wait);
    outcomes.failing(at, reason);
  }

  private void retryNow(OutboxEntry entry, String tag, String reason, Instant at) {
    outbox.retryLater(entry.id(), at, reason);
    outcomes.retried(entry, tag, reason, Duration.ZERO);
  }

  private static String describe(SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Rejected rejected) {
      return rejected.description();
    }
    if (outcome instanceof SendOutcome.BadHtml bad) {
      return "plain text refused: " + bad.description();
    }
    if (outcome instanceof SendOutcome.EditTargetMissing missing) {
      return "a new message was refused as an edit: " + missing.description();
    }
    return outcome.toString();
  }

  private void rateLimited(OutboxEntry entry, SendOutcome.RateLimited limited, Instant at) {
    ChatId chat = entry.message().chat();
    Instant until = at.plus(limited.retryAfter());
    if (limits.holdChat(chat, at, until)) {
      limits.holdAll(until);
      log.warn("Telegram flood control on several chats: all delivery paused until {}", until);
    }
    outbox.retryLater(entry.id(), until, limited.description());
    outcomes.retried(entry, "rate_limited", limited.description(), limited.retryAfter());
  }

  private void delivered(OutboxEntry entry, OptionalInt messageId, String kind, Instant at) {
    outbox.markDelivered(entry.id(), messageId, at);
    forget(entry.id());
    outcomes.delivered(entry, kind, Duration.between(entry.message().createdAt(), at));
  }

  private void fail(OutboxEntry entry, String reason, String tag, Instant at) {
    outbox.markFailed(entry.id(), reason, at);
    forget(entry.id());
    outcomes.gaveUp(entry, tag, reason);
  }

  private void forget(long id) {
    plainText.remove(id);
    sendAsNew.remove(id);
    digestLines.remove(id);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
