package io.teleglas.alertbot.source.hyperliquid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code WsTrade}, one item of a Hyperliquid {@code trades} frame (market-apis.md §C.4): {@code
 * side} {@code B} when the taker bought, {@code A} when it sold; {@code px} per unit and {@code sz}
 * in units of the named coin ({@code kPEPE} is 1000 PEPE); {@code tid} identifies the trade
 * together with {@code time} and {@code coin}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HyperliquidWire(String coin, String side, Double px, Double sz, Long time, Long tid) {}
