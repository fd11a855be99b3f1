package io.teleglas.alertbot.source.coinglass;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One item of a CoinGlass WebSocket data frame {@code {"channel": ..., "data": [item, ...]}}
 * (market-apis.md §B.3, §B.4). The liquidation and futures-trades channels share the item shape,
 * documented both in camelCase ({@code baseAsset}, {@code exName}, {@code volUsd}) and in
 * snake_case ({@code base_asset}, {@code exchange}, {@code volume_usd}); both are read. {@code
 * price} is per unit of the exchange's instrument; {@code side} means a different thing per
 * channel.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CoinglassWire(
    @JsonAlias("base_asset") String baseAsset,
    @JsonAlias("exchange") String exName,
    String symbol,
    Double price,
    Long side,
    Long time,
    @JsonAlias({"volume_usd", "usd_value"}) Double volUsd) {}
