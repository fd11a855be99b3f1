package io.teleglas.bench.replay;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a replay on its schedule: every frame whose time has come goes out, then the thread parks
 * for 100 µs, so 20k frames/s are sent in small bursts the way a TCP stream delivers them, without
 * spinning a core the bot needs. Records when each frame actually went out (wall clock, to compare
 * with the fake Telegram's arrival times), and how far the sender ever fell behind. One thread.
 */
final class Pacer {
  private Pacer() {}

  /** Wall-clock send times, index for index with the plan, and the worst lag behind schedule. */
  record Sent(Instant[] at, long maxLagNanos) {}

  static Sent send(FeedServer.Feed feed, List<Planned> plan, long startNanos) {
    Instant[] at = new Instant[plan.size()];
    long maxLag = 0;
    int i = 0;
    while (i < plan.size()) {
      long now = System.nanoTime();
      if (now - startNanos < plan.get(i).offsetNanos()) {
        LockSupport.parkNanos(100_000);
        continue;
      }
      while (i < plan.size() && now - startNanos >= plan.get(i).offsetNanos()) {
        maxLag = Math.max(maxLag, now - startNanos - plan.get(i).offsetNanos());
        feed.send(plan.get(i).frame());
        at[i] = Instant.now();
        i++;
      }
    }
    return new Sent(at, maxLag);
  }
}
