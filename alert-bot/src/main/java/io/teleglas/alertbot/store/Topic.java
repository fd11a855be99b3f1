package io.teleglas.alertbot.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a personal subscription is about, as typed after {@code /subscribe SYMBOL}. */
public enum Topic {
  /** Liquidations of the coin. */
  LIQ,
  /** Large trades of the coin. */
  WHALE,
  /** Funding-rate extremes of the coin. */
  FUNDING,
  /** Open-interest spikes of the coin. */
  OI;

  /** The word users type. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code liq}, {@code whale}, {@code funding}, {@code oi} or {@code all}, case-insensitive. */
  public static Optional<Set<Topic>> parse(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.equals("all")) {
      return Optional.of(EnumSet.allOf(Topic.class));
    }
    for (Topic t : values()) {
      if (t.word().equals(w)) {
        return Optional.of(EnumSet.of(t));
      }
    }
    return Optional.empty();
  }
}
