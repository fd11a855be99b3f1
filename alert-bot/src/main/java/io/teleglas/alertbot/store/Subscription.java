package io.teleglas.alertbot.store;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.market.Coin;
import java.time.Instant;
import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One user's standing order for direct messages about one coin.
 *
 * @param chatId the user's private chat
 * @param coin the coin
 * @param topics what about the coin, not empty
 * @param minUsd liquidations and trades of at least this notional; empty means the channel's
 *     thresholds for the coin's tier
 * @param createdAt when it was made or last replaced
 */
public record Subscription(
    long chatId, Coin coin, Set<Topic> topics, OptionalDouble minUsd, Instant createdAt) {

  public Subscription {
    requireNonNull(coin, "coin is null");
    requireNonNull(topics, "topics is null");
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("topics is empty");
    }
    topics = Set.copyOf(EnumSet.copyOf(topics));
    requireNonNull(minUsd, "minUsd is null");
    minUsd.ifPresent(
        usd -> {
          if (!(usd > 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException("minUsd must be > 0, got " + usd);
          }
        });
    requireNonNull(createdAt, "createdAt is null");
  }
}
