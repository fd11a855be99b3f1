package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.telegram.ChatId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's sending limits (reference/java-stack.md §3) as sliding-window logs: at most {@code
 * overallPerSecond} requests in any rolling second, one request per chat per {@code chatSpacing},
 * and at most {@code groupPerMinute} in any rolling minute to one group or channel (a negative id
 * or an {@code @name}). Edits count like sends. It never sleeps: {@link #nextAllowed} answers when
 * a chat may send next so the worker can plan its wait, and {@link #record} books a request.
 *
 * <p>Sliding logs rather than token buckets: a bucket of 20 refilling at 20/min lets 40 requests
 * through in one rolling minute, which is what Telegram's "20 messages per minute to the same
 * group" forbids.
 *
 * <p>Telegram's {@code 429 retry_after} is honoured with {@link #holdChat} and {@link #holdAll}.
 * Not thread-safe: owned by the delivery worker thread.
 */
public final class RateLimits {

  /**
   * The numbers, with Telegram's published values as {@link #telegram()}.
   *
   * @param overallPerSecond requests to all chats in any rolling second
   * @param chatSpacing least time between two requests to one chat
   * @param groupPerMinute requests to one group or channel in any rolling minute
   */
  public record Limits(int overallPerSecond, Duration chatSpacing, int groupPerMinute) {
    public Limits {
      requireNonNull(chatSpacing, "chatSpacing is null");
      if (overallPerSecond < 1 || groupPerMinute < 1) {
        throw new IllegalArgumentException(
            "limits must be >= 1, got " + overallPerSecond + "/s and " + groupPerMinute + "/min");
      }
      if (chatSpacing.isNegative()) {
        throw new IllegalArgumentException("chatSpacing is negative: " + chatSpacing);
      }
    }

    /** 30 requests per second overall, one per second per chat, 20 per minute per group. */
    public static Limits telegram() {
      return new Limits(30, Duration.ofSeconds(1), 20);
    }
  }

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final Limits limits;
  private final Deque<Instant> overall = new ArrayDeque<>();
  private final Map<ChatId, Deque<Instant>> perChat = new HashMap<>();
  private final Map<ChatId, Instant> chatHolds = new HashMap<>();
  private Instant allHold = Instant.MIN;

  public RateLimits(Limits limits) {
    this.limits = requireNonNull(limits, "limits is null");
  }

  /** Whether Telegram counts {@code chat} as a group or channel (20 per minute). */
  public static boolean isGroup(ChatId chat) {
    return !chat.isNumeric() || chat.value().startsWith("-");
  }

  /** The earliest time, not before {@code now}, at which {@code chat} may be sent to. */
  public Instant nextAllowed(ChatId chat, Instant now) {
    return latest(now, overallNext(), chatNext(chat), allHold, chatHolds.get(chat));
  }

  /**
   * How many requests {@code chat} could make in {@code [now, now + horizon]} by its own limits and
   * holds, ignoring other chats; at most {@code cap}.
   */
  public int allowance(ChatId chat, Instant now, Duration horizon, int cap) {
    Deque<Instant> log = new ArrayDeque<>(perChat.getOrDefault(chat, new ArrayDeque<>()));
    boolean group = isGroup(chat);
    Instant end = now.plus(horizon);
    int count = 0;
    while (count < cap) {
      Instant at = latest(now, next(log, group), allHold, chatHolds.get(chat));
      if (at.isAfter(end)) {
        break;
      }
      log.addLast(at);
      count++;
    }
    return count;
  }

  /** Books a request to {@code chat} made at {@code at}. */
  public void record(ChatId chat, Instant at) {
    overall.addLast(at);
    trim(overall, limits.overallPerSecond());
    Deque<Instant> log = perChat.computeIfAbsent(chat, c -> new ArrayDeque<>());
    log.addLast(at);
    trim(log, isGroup(chat) ? limits.groupPerMinute() : 1);
  }

  /**
   * Nothing goes to {@code chat} before {@code until} (Telegram's retry_after for it).
   *
   * @return whether another chat is held at {@code now} too, which suggests Telegram is limiting
   *     the bot as a whole rather than this chat
   */
  public boolean holdChat(ChatId chat, Instant now, Instant until) {
    boolean othersHeld =
        chatHolds.entrySet().stream()
            .anyMatch(e -> !e.getKey().equals(chat) && e.getValue().isAfter(now));
    chatHolds.merge(chat, until, RateLimits::later);
    return othersHeld;
  }

  /** Nothing goes to any chat before {@code until}. */
  public void holdAll(Instant until) {
    allHold = later(allHold, until);
  }

  /** Forgets chats whose logs and holds no longer matter at {@code now}, to bound memory. */
  public void forgetIdle(Instant now) {
    perChat.values().removeIf(log -> !log.isEmpty() && !log.peekLast().plus(MINUTE).isAfter(now));
    chatHolds.values().removeIf(until -> !until.isAfter(now));
  }

  private Instant overallNext() {
    return overall.size() < limits.overallPerSecond()
        ? Instant.MIN
        : overall.peekFirst().plus(SECOND);
  }

  private Instant chatNext(ChatId chat) {
    Deque<Instant> log = perChat.get(chat);
    return log == null ? Instant.MIN : next(log, isGroup(chat));
  }

  private Instant next(Deque<Instant> log, boolean group) {
    if (log.isEmpty()) {
      return Instant.MIN;
    }
    Instant spaced = log.peekLast().plus(limits.chatSpacing());
    if (!group || log.size() < limits.groupPerMinute()) {
      return spaced;
    }
    Instant windowed = log.stream().skip(log.size() - limits.groupPerMinute()).findFirst().get();
    return later(spaced, windowed.plus(MINUTE));
  }

  private static void trim(Deque<Instant> log, int keep) {
    while (log.size() > keep) {
      log.removeFirst();
    }
  }

  private static Instant latest(Instant first, Instant... others) {
    Instant latest = first;
    for (Instant other : others) {
      if (other != null) {
        latest = later(latest, other);
      }
    }
    return latest;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
