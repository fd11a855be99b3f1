package io.teleglas.core.market;

import java.util.Objects;

/**
 * What {@link SymbolResolver} made of a symbol a user typed: a coin, or a reason to show the user.
 */
public sealed interface SymbolResolution {

  /**
   * The input names a coin.
   *
   * @param coin the coin
   * @param input what the user typed, trimmed (at most 30 characters of {@code A-Za-z0-9$#/_.-})
   */
  record Resolved(Coin coin, String input) implements SymbolResolution {

    public Resolved {
      Objects.requireNonNull(coin, "coin is null");
      Objects.requireNonNull(input, "input is null");
    }
  }

  /**
   * The input names no coin.
   *
   * @param reason one short plain-text sentence saying what to type instead; it quotes at most 16
   *     characters of the input, but is not escaped: escape it for HTML like any text
   */
  record Rejected(String reason) implements SymbolResolution {

    public Rejected {
      Invariants.nonBlank(reason, "reason");
    }
  }
}
