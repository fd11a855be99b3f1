package io.teleglas.bench.replay;

/**
 * One frame of a replay: when to send it, counted from the replay's start, and the frame itself
 * (event times already absolute).
 *
 * @param offsetNanos send time after the start, >= 0
 * @param frame the text frame
 * @param marker true for a frame whose alert the harness times
 */
record Planned(long offsetNanos, String frame, boolean marker) {
  Planned {
    if (offsetNanos < 0) {
      throw new IllegalArgumentException("offsetNanos < 0");
    }
  }
}
