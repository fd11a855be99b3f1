package io.teleglas.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One token's unconfirmed updates, served like Telegram's long poll: {@code getUpdates} answers at
 * once when something is pending and otherwise blocks its server thread until an update arrives,
 * the hold ends, or polls are released for teardown. This is what keeps TelegramBots' poller from
 * spinning.
 */
final class UpdateQueue {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<ObjectNode> pending = new ArrayDeque<>(); // guarded by lock
  private boolean released; // guarded by lock

  void add(ObjectNode update) {
    lock.lock();
    try {
      pending.addLast(update);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return pending.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Telegram's rules: updates with an id below a positive {@code offset} are confirmed and dropped;
   * a negative offset keeps only the last {@code -offset} updates; zero confirms nothing.
   */
  List<JsonNode> poll(long offset, int limit, Duration hold) {
    lock.lock();
    try {
      confirm(offset);
      long left = hold.toNanos();
      while (pending.isEmpty() && !released && left > 0) {
        left = changed.awaitNanos(left);
      }
      return pending.stream().limit(limit).map(JsonNode.class::cast).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      lock.unlock();
    }
  }

  /** From now on, answer at once instead of holding; wakes the polls being held. */
  void release() {
    lock.lock();
    try {
      released = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void confirm(long offset) {
    if (offset > 0) {
      while (!pending.isEmpty() && pending.peekFirst().path("update_id").asLong() < offset) {
        pending.removeFirst();
      }
    } else if (offset < 0) {
      while (pending.size() > -offset) {
        pending.removeFirst();
      }
    }
  }
}
