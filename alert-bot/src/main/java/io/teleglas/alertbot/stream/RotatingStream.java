package io.teleglas.alertbot.stream;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.stream.SessionSnapshot.Counts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StreamSession} that is replaced before the venue's maximum connection age (Binance
 * closes every connection at 24 h): at age minus the context's rotation margin a second session
 * opens with the same topics, and once it is live (acked, or first frame) the old one is closed.
 * Both deliver during the overlap, so every event passes through an {@link EventDeduplicator},
 * which also drops what a venue replays after a reconnect.
 *
 * <p>The listener hears the current session only (the replacement's errors too); a rotation is not
 * a disconnect. Without a maximum age this is a plain deduplicated session. Thread-safe; {@link
 * #start()} once, {@link #close()} closes both sessions and cancels the rotation.
 */
public final class RotatingStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RotatingStream.class);

  private final StreamContext context;
  private final StreamProtocol protocol;
  private final URI base;
  private final List<String> topics;
  private final EventSink sink;
  private final SessionListener listener;
  private final Optional<Duration> maxAge;
  private final SessionListener relay = new Relay();

  // Guarded by this.
  private StreamSession current;
  private StreamSession replacement;
  private ScheduledFuture<?> rotation;
  private Counts retired = Counts.ZERO;
  private int rotations;
  private boolean closed;

  public RotatingStream(
      StreamContext context,
      StreamProtocol protocol,
      URI base,
      List<String> topics,
      EventSink sink,
      EventDeduplicator deduplicator,
      SessionListener listener) {
    this.context = requireNonNull(context, "context is null");
    this.protocol = requireNonNull(protocol, "protocol is null");
    this.base = requireNonNull(base, "base is null");
    this.topics = List.copyOf(topics);
    this.sink = requireNonNull(deduplicator, "deduplicator is null").filter(sink);
    this.listener = requireNonNull(listener, "listener is null");
    this.maxAge = protocol.maxConnectionAge();
    this.current = newSession();
  }

  public void start() {
    StreamSession first;
    synchronized (this) {
      first = current;
    }
    first.start();
  }

  @Override
  public void close() {
    StreamSession a;
    StreamSession b;
    synchronized (this) {
      closed = true;
      if (rotation != null) {
        rotation.cancel(false);
      }
      a = current;
      b = replacement;
    }
    a.close();
    if (b != null) {
      b.close();
    }
  }

  /** The current session's figures, with the counts of the sessions it replaced added. */
  public synchronized SessionSnapshot snapshot() {
    return current.snapshot().plusCounts(retired);
  }

  /** How many times a connection was replaced before its maximum age. */
  public synchronized int rotations() {
    return rotations;
  }

  private StreamSession newSession() {
    return new StreamSession(context, protocol, base, topics, sink, relay);
  }

  private void connected(StreamSession session, int failedAttempts) {
    boolean tell;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (session == replacement) {
        StreamSession old = current;
        tell = old.state() != SessionState.LIVE;
        current = session;
        replacement = null;
        rotations++;
        old.close();
        retired = retired.plus(old.snapshot().counts());
        log.info("{}: switched to the new connection, closed the old one", session);
      } else if (session == current) {
        tell = true;
      } else {
        return;
      }
      scheduleRotation(session);
    }
    if (tell) {
      listener.onConnected(session, failedAttempts);
    }
  }

  private void scheduleRotation(StreamSession session) {
    if (maxAge.isEmpty()) {
      return;
    }
    if (rotation != null) {
      rotation.cancel(false);
    }
    Duration age = maxAge.get();
    Duration margin = min(context.rotationMargin(), age.dividedBy(2));
    Instant now = context.clock().instant();
    Instant due = session.snapshot().connectedSince().orElse(now).plus(age).minus(margin);
    long delayNanos = Math.max(0, Duration.between(now, due).toNanos());
    try {
      rotation = context.scheduler().schedule(this::rotate, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      rotation = null;
    }
  }

  private void rotate() {
    StreamSession next;
    synchronized (this) {
      rotation = null;
      if (closed || replacement != null) {
        return;
      }
      next = newSession();
      replacement = next;
    }
    log.info("{}: opening a replacement before the {} connection limit", next, maxAge.get());
    next.start();
  }

  private synchronized boolean isCurrent(StreamSession session) {
    return session == current;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private final class Relay implements SessionListener {
    @Override
    public void onConnected(StreamSession session, int failedAttempts) {
      connected(session, failedAttempts);
    }

    @Override
    public void onDisconnected(StreamSession session, String reason, Duration retryIn) {
      if (isCurrent(session)) {
        listener.onDisconnected(session, reason, retryIn);
      }
    }

    @Override
    public void onStale(StreamSession session, Duration silentFor) {
      if (isCurrent(session)) {
        listener.onStale(session, silentFor);
      }
    }

    @Override
    public void onError(StreamSession session, String problem) {
      listener.onError(session, problem);
    }
  }
}
