package io.teleglas.commandbot.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.coinglass.CoinglassClient;
import io.teleglas.core.coinglass.CoinglassRateLimiter;
import io.teleglas.core.coinglass.Plan;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.exchange.ExchangeClient;
import io.teleglas.core.exchange.binance.BinanceFuturesClient;
import io.teleglas.core.exchange.bybit.BybitClient;
import io.teleglas.core.exchange.hyperliquid.HyperliquidClient;
import io.teleglas.core.exchange.okx.OkxClient;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.upstream.UpstreamMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** Builds the market-data clients from the shared configuration. */
public final class MarketWiring {
  /** How long a reply waits for its slowest upstream answer. */
  public static final Duration REPLY_DEADLINE = Duration.ofSeconds(3);

  private MarketWiring() {}

  /**
   * CoinGlass when a key is configured, within the smallest plan's budget (Hobbyist, 30 requests a
   * minute), and the four venues' keyless clients.
   */
  public static MarketData marketData(
      CommonConfig config,
      OkHttpClient http,
      ObjectMapper mapper,
      UpstreamMeter meter,
      Clock clock) {
    return marketData(
        config, CoinglassRateLimiter.forPlan(Plan.HOBBYIST, clock), http, mapper, meter, clock);
  }

  /**
   * As {@link #marketData(CommonConfig, OkHttpClient, ObjectMapper, UpstreamMeter, Clock)}, with
   * the CoinGlass request budget {@code coinglassBudget}.
   */
  public static MarketData marketData(
      CommonConfig config,
      CoinglassRateLimiter coinglassBudget,
      OkHttpClient http,
      ObjectMapper mapper,
      UpstreamMeter meter,
      Clock clock) {
    OkHttpClient upstream = http.newBuilder().callTimeout(Duration.ofSeconds(8)).build();
    InstrumentCatalog catalog = InstrumentCatalog.bundled();
    Optional<CoinglassClient> coinglass =
        config
            .coinglassApiKey()
            .map(
                key ->
                    CoinglassClient.newBuilder()
                        .baseUrl(config.coinglassApiUrl())
                        .apiKey(key)
                        .rateLimiter(coinglassBudget)
                        .okHttpClient(upstream)
                        .objectMapper(mapper)
                        .meter(meter)
                        .clock(clock)
                        .instruments(catalog)
                        .build());
    List<ExchangeClient> venues =
        List.of(
            new BinanceFuturesClient(
                config.binanceFapiUrl(), upstream, mapper, clock, meter, catalog),
            new BybitClient(config.bybitApiUrl(), upstream, mapper, clock, meter, catalog),
            new OkxClient(config.okxApiUrl(), upstream, mapper, clock, meter, catalog),
            new HyperliquidClient(
                config.hyperliquidApiUrl(), upstream, mapper, clock, meter, catalog));
    return new MarketData(coinglass, venues, catalog, REPLY_DEADLINE, clock);
  }
}
