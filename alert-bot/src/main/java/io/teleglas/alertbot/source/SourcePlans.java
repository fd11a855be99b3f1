package io.teleglas.alertbot.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.config.AlertBotConfig;
import io.teleglas.alertbot.config.SourceId;
import io.teleglas.alertbot.source.binance.BinanceProtocol;
import io.teleglas.alertbot.source.bybit.BybitProtocol;
import io.teleglas.alertbot.source.coinglass.CoinglassProtocol;
import io.teleglas.alertbot.source.hyperliquid.HyperliquidProtocol;
import io.teleglas.alertbot.source.okx.OkxProtocol;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Venue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code ALERT_SOURCES} and {@code ALERT_SYMBOLS} into the sockets to open: per source one
 * connection carrying its liquidation topic and the trade topics of the watched coins, so the
 * trades keep a quiet liquidation stream's connection demonstrably alive.
 */
public final class SourcePlans {
  private SourcePlans() {}

  /**
   * @param okxContractValues contract value in coins per OKX swap, from the instruments endpoint
   */
  public static List<SourcePlan> forConfig(
      AlertBotConfig config,
      InstrumentCatalog catalog,
      ObjectMapper mapper,
      Map<String, Double> okxContractValues) {
    List<SourcePlan> plans = new ArrayList<>();
    for (SourceId id : config.sources()) {
      plans.add(plan(id, config, catalog, mapper, okxContractValues));
    }
    return plans;
  }

  private static SourcePlan plan(
      SourceId id,
      AlertBotConfig config,
      InstrumentCatalog catalog,
      ObjectMapper mapper,
      Map<String, Double> okxContractValues) {
    List<String> topics = new ArrayList<>();
    List<Coin> coins = config.symbols();
    switch (id) {
      case COINGLASS -> {
        topics.add(CoinglassProtocol.DEFAULT_LIQUIDATION_CHANNEL);
        return new SourcePlan(
            id.id(),
            new CoinglassProtocol(config.common().coinglassApiKey().orElseThrow(), catalog, mapper),
            config.streamUrls().coinglass(),
            topics,
            true);
      }
      case BINANCE -> {
        topics.add("!forceOrder@arr");
        coins.forEach(
            c ->
                topics.add(
                    catalog.instrument(c, Venue.BINANCE).name().toLowerCase(Locale.ROOT)
                        + "@aggTrade"));
        return new SourcePlan(
            id.id(),
            new BinanceProtocol(catalog, mapper),
            config.streamUrls().binance(),
            topics,
            false);
      }
      case BYBIT -> {
        coins.forEach(
            c -> {
              String symbol = catalog.instrument(c, Venue.BYBIT).name();
              topics.add("allLiquidation." + symbol);
              topics.add("publicTrade." + symbol);
            });
        return new SourcePlan(
            id.id(),
            new BybitProtocol(catalog, mapper),
            config.streamUrls().bybit(),
            topics,
            false);
      }
      case OKX -> {
        topics.add(OkxProtocol.LIQUIDATIONS);
        coins.forEach(c -> topics.add("trades:" + catalog.instrument(c, Venue.OKX).name()));
        return new SourcePlan(
            id.id(),
            new OkxProtocol(okxContractValues, catalog, mapper),
            config.streamUrls().okx(),
            topics,
            false);
      }
      case HYPERLIQUID -> {
        coins.forEach(c -> topics.add("trades:" + catalog.instrument(c, Venue.HYPERLIQUID).name()));
        return new SourcePlan(
            id.id(),
            new HyperliquidProtocol(catalog, mapper),
            config.streamUrls().hyperliquid(),
            topics,
            false);
      }
      default -> throw new IllegalArgumentException("no plan for " + id);
    }
  }
}
