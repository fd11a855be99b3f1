package io.teleglas.alertbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.config.AlertBotConfig;
import io.teleglas.alertbot.config.SourceId;
import io.teleglas.alertbot.market.CoinglassMarketSource;
import io.teleglas.alertbot.market.MarketPoller;
import io.teleglas.alertbot.market.MarketReading;
import io.teleglas.alertbot.market.MarketSource;
import io.teleglas.alertbot.market.VenueMarketSource;
import io.teleglas.alertbot.poll.CoinglassLiquidationPoller;
import io.teleglas.alertbot.poll.FallbackPolling;
import io.teleglas.alertbot.poll.OkxLiquidationPoller;
import io.teleglas.alertbot.poll.PollContext;
import io.teleglas.alertbot.poll.Poller;
import io.teleglas.alertbot.source.SourceManager;
import io.teleglas.alertbot.source.SourceNotices;
import io.teleglas.alertbot.source.SourcePlans;
import io.teleglas.alertbot.source.okx.OkxProtocol;
import io.teleglas.alertbot.stream.EventDeduplicator;
import io.teleglas.alertbot.stream.EventSink;
import io.teleglas.alertbot.stream.StreamContext;
import io.teleglas.core.coinglass.CoinglassClient;
import io.teleglas.core.exchange.VenueHttp;
import io.teleglas.core.exchange.okx.OkxContracts;
import io.teleglas.core.exchange.okx.OkxErrors;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.UpstreamMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the alert bot's sources: the streams, and the REST polling used while they are down. */
final class AlertSources {
  private static final Logger log = LoggerFactory.getLogger(AlertSources.class);

  /** The lowest default single-liquidation threshold ("the rest" tier, CONTRACT.md). */
  private static final double MIN_POLLED_USD = 100_000;

  private static final Duration SWITCH_BACK = Duration.ofSeconds(60);

  /**
   * @param coinglass the one CoinGlass client (one request budget) when a key is set, for the
   *     market poller to share
   */
  record Built(
      SourceManager manager, FallbackPolling fallback, Optional<CoinglassClient> coinglass) {}

  private AlertSources() {}

  static Built build(
      AlertBotConfig config,
      OkHttpClient http,
      ObjectMapper mapper,
      ScheduledExecutorService scheduler,
      Clock clock,
      UpstreamMeter meter,
      EventSink engine,
      SourceNotices notices) {
    InstrumentCatalog catalog = InstrumentCatalog.bundled();
    Map<String, Double> okxContracts =
        config.sources().contains(SourceId.OKX)
            ? okxContracts(config, http, mapper, clock, meter)
            : Map.of();
    PollContext polls =
        new PollContext(scheduler, clock, EventDeduplicator.standard(clock), engine);
    List<Poller> pollers = new ArrayList<>();
    Optional<CoinglassClient> coinglass =
        config
            .common()
            .coinglassApiKey()
            .map(
                key ->
                    CoinglassClient.newBuilder()
                        .baseUrl(config.common().coinglassApiUrl())
                        .apiKey(key)
                        .okHttpClient(http)
                        .objectMapper(mapper)
                        .meter(meter)
                        .clock(clock)
                        .instruments(catalog)
                        .build());
    coinglass.ifPresent(
        client ->
            pollers.add(
                new CoinglassLiquidationPoller(
                    client,
                    CoinglassLiquidationPoller.MAIN_EXCHANGES,
                    config.symbols(),
                    MIN_POLLED_USD,
                    CoinglassLiquidationPoller.DEFAULT_INTERVAL,
                    polls)));
    if (!okxContracts.isEmpty()) {
      pollers.add(
          new OkxLiquidationPoller(
              config.common().okxApiUrl(),
              new VenueHttp("OKX", http, mapper, clock, meter, new OkxErrors()),
              new OkxProtocol(okxContracts, catalog, mapper),
              config.symbols(),
              OkxLiquidationPoller.DEFAULT_INTERVAL,
              polls));
    }
    FallbackPolling fallback = new FallbackPolling(pollers, clock);
    SourceManager manager =
        new SourceManager(
            StreamContext.of(http, scheduler),
            SourcePlans.forConfig(config, catalog, mapper, okxContracts),
            engine,
            SWITCH_BACK,
            notices,
            fallback);
    return new Built(manager, fallback, coinglass);
  }

  /**
   * OKX liquidations come in contracts; without each swap's contract value they cannot be turned
   * into coins and USD, so they are dropped (and counted) rather than guessed.
   */
  private static Map<String, Double> okxContracts(
      AlertBotConfig config,
      OkHttpClient http,
      ObjectMapper mapper,
      Clock clock,
      UpstreamMeter meter) {
    try {
      Fetched<Map<String, Double>> fetched =
          new OkxContracts(config.common().okxApiUrl(), http, mapper, clock, meter)
              .contractValues()
              .get(15, TimeUnit.SECONDS);
      if (fetched instanceof Fetched.Value<Map<String, Double>> v) {
        log.info("OKX: contract values of {} USDT swaps loaded", v.value().size());
        return v.value();
      }
      log.warn(
          "OKX contract values unavailable ({}): OKX liquidations will be dropped until restart",
          ((Fetched.Unavailable<Map<String, Double>>) fetched).detail());
    } catch (Exception e) {
      log.warn(
          "OKX contract values unavailable ({}): OKX liquidations will be dropped until restart",
          e.toString());
    }
    return Map.of();
  }

  /**
   * Funding and open-interest readings for the funding-extreme and oi-spike rules: from CoinGlass
   * when a key is set (sharing the sources' client and budget), else from the venues' keyless REST
   * APIs. Not started.
   */
  static MarketPoller marketPoller(
      AlertBotConfig config,
      Built built,
      Thresholds thresholds,
      OkHttpClient http,
      ObjectMapper mapper,
      ScheduledExecutorService scheduler,
      Clock clock,
      UpstreamMeter meter,
      MeterRegistry registry,
      Consumer<MarketReading> engine) {
    Duration interval = thresholds.market().pollInterval();
    Duration deadline = MarketPoller.answerDeadline(interval);
    MarketSource source =
        built
            .coinglass()
            .<MarketSource>map(client -> new CoinglassMarketSource(client, deadline))
            .orElseGet(
                () ->
                    new VenueMarketSource(
                        VenueMarketSource.keylessClients(
                            config.common(),
                            http,
                            mapper,
                            clock,
                            meter,
                            InstrumentCatalog.bundled()),
                        deadline));
    return new MarketPoller(source, config.symbols(), interval, scheduler, clock, registry, engine);
  }
}
