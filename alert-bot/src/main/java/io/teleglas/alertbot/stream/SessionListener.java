package io.teleglas.alertbot.stream;

import java.time.Duration;

/**
 * What a source manager hears from a {@link StreamSession}, to emit operational notices. Calls run
 * on the session's scheduler, never on a socket thread, one at a time per session when the
 * scheduler has one thread; keep them short. Every method does nothing by default.
 */
public interface SessionListener {

  /** Nobody listens. */
  SessionListener NONE = new SessionListener() {};

  /**
   * The session is subscribed and live; {@code failedAttempts} is how many attempts failed or
   * connections were lost since it was last live (0 for a first or clean connection).
   */
  default void onConnected(StreamSession session, int failedAttempts) {}

  /** The connection was lost or could not be opened; the next attempt starts in {@code retryIn}. */
  default void onDisconnected(StreamSession session, String reason, Duration retryIn) {}

  /** The connection sent nothing for {@code silentFor}; it is being replaced. */
  default void onStale(StreamSession session, Duration silentFor) {}

  /** The venue refused a subscription or reported an error; the connection stays up. */
  default void onError(StreamSession session, String problem) {}
}
