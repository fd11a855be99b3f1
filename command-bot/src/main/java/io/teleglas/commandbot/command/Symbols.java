package io.teleglas.commandbot.command;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.SymbolResolution;
import io.teleglas.core.market.SymbolResolver;
import io.teleglas.core.telegram.Html;
import java.util.List;
import java.util.Optional;

/** Reads the symbol argument of a command, or says what to type instead. Thread-safe. */
public final class Symbols {
  private final SymbolResolver resolver;

  public Symbols(SymbolResolver resolver) {
    this.resolver = resolver;
  }

  /** The coin named by {@code args[0]}; empty when there is no argument. */
  public SymbolResolution resolve(List<String> args) {
    return resolver.resolve(args.isEmpty() ? null : args.get(0));
  }

  /** A friendly reply for a missing or rejected symbol, with the command's usage. */
  public static Reply usage(
      String command, String example, SymbolResolution.Rejected rejected, boolean missing) {
    String why = missing ? "Which coin?" : Html.escape(rejected.reason());
    return new Reply(
        why + " For example: <code>/" + command + " " + Html.escape(example) + "</code>");
  }

  /** The coin, if the resolution is one. */
  public static Optional<Coin> coin(SymbolResolution r) {
    return r instanceof SymbolResolution.Resolved ok ? Optional.of(ok.coin()) : Optional.empty();
  }
}
