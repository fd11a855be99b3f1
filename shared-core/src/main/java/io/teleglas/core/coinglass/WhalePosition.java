package io.teleglas.core.coinglass;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.PositionSide;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An open Hyperliquid position of over $1M, from {@code /api/hyperliquid/whale-position} (Startup
 * plan and up). Prices are USD per coin, sizes in coins.
 *
 * @param user the trader's address
 * @param side from the sign of CoinGlass's {@code position_size}
 * @param size the position in coins, > 0
 * @param notionalUsd the position's value in USD, > 0
 * @param entryPrice > 0
 * @param unrealizedPnlUsd profit (positive) or loss so far
 * @param fundingFeeUsd funding paid or received, as CoinGlass signs it
 * @param openedAt when the position was opened, when CoinGlass sent it
 * @param updatedAt CoinGlass's last update of the position
 */
public record WhalePosition(
    String user,
    Coin coin,
    PositionSide side,
    double size,
    double notionalUsd,
    double entryPrice,
    OptionalDouble markPrice,
    OptionalDouble liquidationPrice,
    OptionalDouble leverage,
    OptionalDouble marginBalanceUsd,
    OptionalDouble unrealizedPnlUsd,
    OptionalDouble fundingFeeUsd,
    Optional<MarginMode> marginMode,
    Optional<Instant> openedAt,
    Optional<Instant> updatedAt) {

  /** Hyperliquid's margin modes. */
  public enum MarginMode {
    CROSS,
    ISOLATED
  }

  public WhalePosition {
    Objects.requireNonNull(user, "user is null");
    if (user.isBlank()) {
      throw new IllegalArgumentException("user is blank");
    }
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(side, "side is null");
    Checks.positive(size, "size");
    Checks.positive(notionalUsd, "notionalUsd");
    Checks.positive(entryPrice, "entryPrice");
    Checks.positive(markPrice, "markPrice");
    Checks.positive(liquidationPrice, "liquidationPrice");
    Checks.positive(leverage, "leverage");
    Checks.nonNegative(marginBalanceUsd, "marginBalanceUsd");
    Checks.finite(unrealizedPnlUsd, "unrealizedPnlUsd");
    Checks.finite(fundingFeeUsd, "fundingFeeUsd");
    Objects.requireNonNull(marginMode, "marginMode is null");
    Objects.requireNonNull(openedAt, "openedAt is null");
    Objects.requireNonNull(updatedAt, "updatedAt is null");
  }
}
