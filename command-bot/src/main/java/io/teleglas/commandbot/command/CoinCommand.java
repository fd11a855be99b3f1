package io.teleglas.commandbot.command;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.SymbolResolution;

/**
 * A command whose first argument is a required coin: resolves it, or answers with what to type
 * instead, so each command only deals with a valid coin.
 */
abstract class CoinCommand implements ChatCommand {
  private final Symbols symbols;

  CoinCommand(Symbols symbols) {
    this.symbols = symbols;
  }

  @Override
  public final Reply reply(CommandRequest request) {
    SymbolResolution r = symbols.resolve(request.args());
    if (r instanceof SymbolResolution.Rejected rejected) {
      return Symbols.usage(name(), usage(), rejected, request.args().isEmpty());
    }
    return reply(Symbols.coin(r).orElseThrow(), request);
  }

  /** The reply for a resolved {@code coin}; {@code request.args()} still holds every argument. */
  abstract Reply reply(Coin coin, CommandRequest request);
}
