package io.teleglas.alertbot.store;

import io.teleglas.core.market.Coin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users' personal subscriptions and their state (muted, blocked the bot), durable. Thread-safe:
 * chat handlers write, the alert router reads.
 */
public interface Subscriptions {

  /** Most subscriptions one user may hold. */
  int MAX_PER_USER = 20;

  /**
   * Adds or replaces the user's subscription for the coin, registering the user as an active
   * subscriber if new.
   *
   * @return false when the user already holds {@link #MAX_PER_USER} other subscriptions
   */
  boolean put(Subscription subscription);

  /** Removes the user's subscription for the coin; false when there was none. */
  boolean remove(long chatId, Coin coin);

  /** The user's subscriptions, by coin symbol. */
  List<Subscription> of(long chatId);

  /** Every subscription of every active subscriber, muted or not. */
  List<Subscription> allActive();

  /** The user's state, if the user ever subscribed or wrote to the bot. */
  Optional<Subscriber> subscriber(long chatId);

  /** No direct messages to the user before {@code until}. */
  void mute(long chatId, Instant until);

  void unmute(long chatId);

  /** The user blocked the bot (or deleted the chat): nothing is sent until they write again. */
  void deactivate(long chatId, String reason, Instant at);

  /** The user wrote to the bot: active again (creates the subscriber if new). */
  void activate(long chatId, Instant at);

  /**
   * Grows by one on every change, so readers can cache {@link #allActive()} and reload only when it
   * moved.
   */
  long version();
}
