package io.teleglas.commandbot.command;

import java.time.Clock;

/**
 * How many commands the router answered, and how many of those failed, over the last hour, for
 * {@code /status}. Counts are kept per minute in a ring of 60 slots, so memory stays fixed however
 * busy the bot is. Thread-safe.
 */
public final class CommandCounts {
  /** Commands answered and failed within the last hour. */
  public record LastHour(long served, long failed) {}

  private static final int MINUTES = 60;

  private final Clock clock;
  private final long[] minuteOfSlot = new long[MINUTES];
  private final long[] served = new long[MINUTES];
  private final long[] failed = new long[MINUTES];

  public CommandCounts(Clock clock) {
    this.clock = clock;
    java.util.Arrays.fill(minuteOfSlot, Long.MIN_VALUE);
  }

  /** Counts one answered command; {@code failedOnOurSide} when it threw. */
  public synchronized void record(boolean failedOnOurSide) {
    long minute = currentMinute();
    int slot = (int) Math.floorMod(minute, (long) MINUTES);
    if (minuteOfSlot[slot] != minute) {
      minuteOfSlot[slot] = minute;
      served[slot] = 0;
      failed[slot] = 0;
    }
    served[slot]++;
    if (failedOnOurSide) {
      failed[slot]++;
    }
  }

  /** The counts of the current minute and the 59 before it. */
  public synchronized LastHour lastHour() {
    long now = currentMinute();
    long s = 0;
    long f = 0;
    for (int i = 0; i < MINUTES; i++) {
      if (minuteOfSlot[i] > now - MINUTES && minuteOfSlot[i] <= now) {
        s += served[i];
        f += failed[i];
      }
    }
    return new LastHour(s, f);
  }

  private long currentMinute() {
    return Math.floorDiv(clock.millis(), 60_000L);
  }
}
