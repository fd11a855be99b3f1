package io.teleglas.alertbot.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** WebSocket base URLs of the streaming sources. */
public record StreamUrls(URI coinglass, URI binance, URI bybit, URI okx, URI hyperliquid) {
  public StreamUrls {
    requireNonNull(coinglass, "coinglass is null");
    requireNonNull(binance, "binance is null");
    requireNonNull(bybit, "bybit is null");
    requireNonNull(okx, "okx is null");
    requireNonNull(hyperliquid, "hyperliquid is null");
  }
}
