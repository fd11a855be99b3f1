package io.teleglas.core.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Per-user command budget over a sliding window. Within budget a command is {@link
 * Decision#ALLOW}ed; the first one over it gets {@link Decision#WARN} (the bot answers "slow down"
 * once) and later ones {@link Decision#IGNORE} until the window has room again. Other users are
 * unaffected. Memory is bounded: idle users are forgotten. Thread-safe.
 */
public final class UserRateLimiter {
  /** What to do with a user's command. */
  public enum Decision {
    ALLOW,
    WARN,
    IGNORE
  }

  private static final class Window {
    final Deque<Instant> recent = new ArrayDeque<>();
    boolean warned;
  }

  private final int maxCommands;
  private final Duration window;
  private final Clock clock;
  private final Cache<Long, Window> users;

  public UserRateLimiter(int maxCommands, Duration window, Clock clock) {
    if (maxCommands < 1) {
      throw new IllegalArgumentException("maxCommands must be >= 1: " + maxCommands);
    }
    this.maxCommands = maxCommands;
    this.window = window;
    this.clock = clock;
    this.users =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(window.multipliedBy(2))
            .build();
  }

  /** Decides about one command from {@code userId}, counting it when allowed. */
  public Decision check(long userId) {
    Window w = users.get(userId, id -> new Window());
    Instant now = clock.instant();
    synchronized (w) {
      while (!w.recent.isEmpty() && !w.recent.peekFirst().isAfter(now.minus(window))) {
        w.recent.removeFirst();
      }
      if (w.recent.size() < maxCommands) {
        w.recent.addLast(now);
        w.warned = false;
        return Decision.ALLOW;
      }
      if (!w.warned) {
        w.warned = true;
        return Decision.WARN;
      }
      return Decision.IGNORE;
    }
  }

  /** How long the window is, for the "slow down" message. */
  public Duration window() {
    return window;
  }
}
