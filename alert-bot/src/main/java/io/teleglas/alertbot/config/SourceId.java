package io.teleglas.alertbot.config;

import java.util.Locale;
import java.util.Optional;

/** A market-data source the alert bot can take events from, as named in {@code ALERT_SOURCES}. */
public enum SourceId {
  COINGLASS,
  BINANCE,
  BYBIT,
  OKX,
  HYPERLIQUID;

  /** The name used in configuration, logs and the health endpoints, e.g. {@code binance}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SourceId> parse(String value) {
    for (SourceId s : values()) {
      if (s.id().equalsIgnoreCase(value.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id();
  }
}
