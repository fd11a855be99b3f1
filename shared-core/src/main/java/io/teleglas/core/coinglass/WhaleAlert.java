package io.teleglas.core.coinglass;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.PositionSide;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A Hyperliquid position of over $1M opened or closed, from {@code /api/hyperliquid/whale-alert}
 * (Startup plan and up). CoinGlass's {@code position_action} says open (1) or close (2); the
 * direction is the sign of {@code position_size}, never the action code.
 *
 * @param user the trader's address
 * @param side long for a positive size, short for a negative one
 * @param size the position in coins, > 0
 * @param notionalUsd the position's value in USD, > 0
 * @param entryPrice USD per coin, > 0
 * @param liquidationPrice USD per coin, when CoinGlass sent one
 * @param time when CoinGlass saw the position opened or closed
 */
public record WhaleAlert(
    String user,
    Coin coin,
    PositionSide side,
    double size,
    double notionalUsd,
    double entryPrice,
    OptionalDouble liquidationPrice,
    Action action,
    Instant time) {

  /** Whether the position was opened or closed. */
  public enum Action {
    OPEN,
    CLOSE
  }

  public WhaleAlert {
    Objects.requireNonNull(user, "user is null");
    if (user.isBlank()) {
      throw new IllegalArgumentException("user is blank");
    }
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(side, "side is null");
    Checks.positive(size, "size");
    Checks.positive(notionalUsd, "notionalUsd");
    Checks.positive(entryPrice, "entryPrice");
    Checks.positive(liquidationPrice, "liquidationPrice");
    Objects.requireNonNull(action, "action is null");
    Objects.requireNonNull(time, "time is null");
  }
}
