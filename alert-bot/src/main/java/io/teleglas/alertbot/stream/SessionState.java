package io.teleglas.alertbot.stream;

/** Where a {@link StreamSession} is in its life, as health endpoints show it. */
public enum SessionState {
  /** Created; {@link StreamSession#start()} not called yet. */
  NEW,
  /** Opening the socket. */
  CONNECTING,
  /** Socket open, subscriptions sent, waiting for their acks (or the first frame). */
  SUBSCRIBING,
  /** Subscribed and receiving. */
  LIVE,
  /** Open but silent for longer than the venue allows; about to be replaced. */
  STALE,
  /** Lost; the next attempt is scheduled. */
  BACKING_OFF,
  /** Closed for good by {@link StreamSession#close()}. */
  CLOSED
}
