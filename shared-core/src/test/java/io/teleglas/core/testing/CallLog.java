package io.teleglas.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every recorded call in arrival order; lets a test thread wait for calls made by server threads.
 */
final class CallLog {

  private final List<RecordedCall> calls = new ArrayList<>(); // guarded by this

  synchronized void record(RecordedCall call) {
    calls.add(call);
    notifyAll();
  }

  synchronized List<RecordedCall> matching(Predicate<RecordedCall> filter) {
    return calls.stream().filter(filter).toList();
  }

  /**
   * Waits until at least {@code n} calls match, then returns all that match.
   *
   * @throws AssertionError naming what was expected and every call seen, when the timeout passes
   *     first
   */
  synchronized List<RecordedCall> await(
      Predicate<RecordedCall> filter, int n, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<RecordedCall> found = matching(filter);
    while (found.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected at least "
                + n
                + " "
                + what
                + " within "
                + timeout
                + " but got "
                + found.size()
                + "; calls so far:"
                + describe());
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
      found = matching(filter);
    }
    return found;
  }

  private String describe() {
    if (calls.isEmpty()) {
      return " none";
    }
    return calls.stream()
        .map(c -> "\n  " + c.method() + " -> " + c.httpStatus() + " " + c.params())
        .collect(Collectors.joining());
  }
}
