package io.teleglas.alertbot.ha;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the alert path hands its messages: on the leader, straight into the outbox; on a standby,
 * into a short memory of what this instance would have sent. A standby runs the same sources and
 * engine as the leader (so its storm state is whole when it takes over) but must not store
 * anything. When it is elected, {@link #promote()} stores what it decided in the last {@code
 * window}: the alerts the dead leader also decided carry the same dedup key and are skipped by the
 * outbox; those it never got to (the seconds before it died and until the lease expired) are stored
 * now. Of a group's edits only the newest is kept (it carries the whole text), so a storm that
 * updates many times a second costs one entry.
 *
 * <p>A standby drops messages that have neither a dedup key nor a group (admin notices about its
 * own sources, digests): they are about this instance, and it logs them anyway. Counted in {@code
 * teleglas_standby_dropped_total}.
 *
 * <p>Thread-safe: the engine thread, the chat threads and the scheduler all hand messages in.
 */
public final class StandbyGate implements Consumer<OutboundMessage> {
  private static final Logger log = LoggerFactory.getLogger(StandbyGate.class);

  /** At most this many messages are remembered; the oldest go first (counted). */
  static final int CAPACITY = 10_000;

  private final Outbox outbox;
  private final Runnable stored;
  private final Duration window;
  private final Clock clock;
  private final Counter dropped;
  private final Counter overflow;

  /** What a standby would have sent, oldest first: SENDs by dedup key, EDITs by chat and group. */
  private final LinkedHashMap<String, OutboundMessage> recent = new LinkedHashMap<>();

  private boolean active;

  /**
   * @param stored called after a message was stored (wakes delivery)
   * @param window how far back a promoted standby stores what it decided: at least the lease's time
   *     to live plus a standby's retry interval plus the engine's own delays
   * @param active true to start as the leader (SQLite: the only instance)
   */
  public StandbyGate(
      Outbox outbox,
      Runnable stored,
      Duration window,
      Clock clock,
      MeterRegistry metrics,
      boolean active) {
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.stored = requireNonNull(stored, "stored is null");
    this.window = requireNonNull(window, "window is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.dropped = metrics.counter("teleglas_standby_dropped_total");
    this.overflow = metrics.counter("teleglas_standby_overflow_total");
    this.active = active;
  }

  /**
   * Stores {@code message} (leader) or remembers it (standby).
   *
   * @throws RuntimeException when the outbox cannot store it; the caller counts and logs that
   */
  @Override
  public void accept(OutboundMessage message) {
    requireNonNull(message, "message is null");
    synchronized (this) {
      if (!active) {
        remember(message);
        return;
      }
      outbox.add(message);
    }
    stored.run();
  }

  private void remember(OutboundMessage message) {
    if (message.dedupKey().isEmpty() && message.kind() != MessageKind.EDIT) {
      dropped.increment();
      log.debug("standby: not storing a message for {} without a dedup key", message.chat());
      return;
    }
    forgetOlderThan(clock.instant().minus(window));
    String key =
        message.kind() == MessageKind.EDIT
            ? "edit|" + message.chat() + "|" + message.groupKey().orElseThrow()
            : "send|" + message.dedupKey().orElseThrow();
    // Re-inserting moves an edit behind everything before it, so the map stays oldest first.
    recent.remove(key);
    if (recent.size() >= CAPACITY) {
      Iterator<OutboundMessage> oldest = recent.values().iterator();
      oldest.next();
      oldest.remove();
      overflow.increment();
    }
    recent.put(key, message);
  }

  private void forgetOlderThan(Instant cutoff) {
    Iterator<OutboundMessage> it = recent.values().iterator();
    while (it.hasNext() && it.next().createdAt().isBefore(cutoff)) {
      it.remove();
    }
  }

  /**
   * Becomes the leader's gate: stores what this standby decided within the window, oldest first,
   * each at most once across instances, then passes every later message straight through.
   *
   * @return how many remembered messages were handed to the outbox (some may have been known)
   */
  public int promote() {
    int handed = 0;
    synchronized (this) {
      if (active) {
        return 0;
      }
      forgetOlderThan(clock.instant().minus(window));
      for (OutboundMessage m : recent.values()) {
        try {
          outbox.add(m);
          handed++;
        } catch (RuntimeException e) {
          log.error("could not store a remembered message for {}: {}", m.chat(), e.toString());
        }
      }
      recent.clear();
      active = true;
    }
    log.info("promoted: handed {} message(s) decided while standing by to the outbox", handed);
    stored.run();
    return handed;
  }

  /** True once messages go straight to the outbox. */
  public synchronized boolean active() {
    return active;
  }

  /** How many messages a standby remembers now. */
  synchronized int remembered() {
    return recent.size();
  }
}
