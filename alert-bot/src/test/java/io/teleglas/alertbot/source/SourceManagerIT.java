package io.teleglas.alertbot.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.source.binance.BinanceProtocol;
import io.teleglas.alertbot.source.coinglass.CoinglassProtocol;
import io.teleglas.alertbot.stream.StreamContext;
import io.teleglas.core.config.Secret;
import io.teleglas.core.lifecycle.DaemonThreads;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.testing.WebSocketTestServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failover between an aggregator (CoinGlass) and an exchange (Binance), each an in-process server
 * speaking the venue's documented protocol (market-apis.md §B.3 shape 1, §C.1 combined streams).
 */
class SourceManagerIT {
  private final WebSocketTestServer coinglass = WebSocketTestServer.start();
  private final WebSocketTestServer binance = WebSocketTestServer.start();
  private final OkHttpClient http = new OkHttpClient();
  private final ScheduledThreadPoolExecutor scheduler =
      new ScheduledThreadPoolExecutor(2, new DaemonThreads("test-streams"));
  private final List<MarketEvent> engine = new CopyOnWriteArrayList<>();
  private final List<String> switches = new CopyOnWriteArrayList<>();
  private final List<String> fallback = new CopyOnWriteArrayList<>();
  private SourceManager manager;

  @AfterEach
  void stop() {
    if (manager != null) {
      manager.close();
    }
    scheduler.shutdownNow();
    http.dispatcher().executorService().shutdown();
    coinglass.close();
    binance.close();
  }

  private void start() {
    ObjectMapper mapper = new ObjectMapper();
    InstrumentCatalog catalog = InstrumentCatalog.bundled();
    coinglass.onMessage(WebSocketTestServer.reply("ping", "pong"));
    manager =
        new SourceManager(
            StreamContext.of(http, scheduler),
            List.of(
                new SourcePlan(
                    "coinglass",
                    new CoinglassProtocol(Secret.of("test-key-0123456789"), catalog, mapper),
                    URI.create(coinglass.url("/ws-api")),
                    List.of("liquidationOrders"),
                    true),
                new SourcePlan(
                    "binance",
                    new BinanceProtocol(catalog, mapper),
                    URI.create(binance.url("/market")),
                    List.of("!forceOrder@arr"),
                    false)),
            (source, event) -> engine.add(event),
            Duration.ofSeconds(2),
            new SourceNotices() {
              @Override
              public void switched(Optional<String> from, Optional<String> to) {
                switches.add(from.orElse("none") + "->" + to.orElse("none"));
              }
            },
            new LiquidationFallback() {
              @Override
              public void ensureRunning(String reason) {
                fallback.add("run: " + reason);
              }

              @Override
              public void ensureStopped() {
                fallback.add("stop");
              }
            });
    manager.start();
  }

  private static String coinglassLiquidation(long time, double usd) {
    return "{\"channel\":\"liquidationOrders\",\"data\":[{\"baseAsset\":\"BTC\",\"exName\":\"Binance\","
        + "\"price\":97000.00,\"side\":1,\"symbol\":\"BTCUSDT\",\"time\":"
        + time
        + ",\"volUsd\":"
        + usd
        + "}]}";
  }

  private static String binanceLiquidation(long time, String quantity) {
    return "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":"
        + time
        + ",\"o\":{\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\""
        + quantity
        + "\",\"p\":\"96900\",\"ap\":\"97000\",\"X\":\"FILLED\",\"l\":\""
        + quantity
        + "\",\"z\":\""
        + quantity
        + "\",\"T\":"
        + time
        + "}}}";
  }

  @Test
  void aggregatorFeedsLiquidationsThenExchangesTakeOverAndItComesBack() {
    start();
    WebSocketTestServer.Connection cg = coinglass.awaitConnection(Duration.ofSeconds(10));
    WebSocketTestServer.Connection bn = binance.awaitConnection(Duration.ofSeconds(10));
    assertThat(cg.queryParameter("cg-api-key")).isEqualTo("test-key-0123456789");
    assertThat(cg.awaitMessage(Duration.ofSeconds(5)))
        .isEqualTo("{\"method\":\"subscribe\",\"channels\":[\"liquidationOrders\"]}");

    long now = System.currentTimeMillis();
    cg.send(coinglassLiquidation(now, 1212500.0));
    bn.send(binanceLiquidation(now + 300, "12.5"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> manager.activeSource().equals(Optional.of("coinglass")));
    bn.send(binanceLiquidation(now + 1000, "3"));
    cg.send(coinglassLiquidation(now + 2000, 500000.0));

    await().atMost(Duration.ofSeconds(10)).until(() -> engine.size() >= 2);
    assertThat(engine).extracting(MarketEvent::usdValue).containsExactly(1212500.0, 500000.0);

    coinglass.refuseConnections(503);
    cg.cancel();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> manager.activeSource().equals(Optional.of("binance")));
    bn.send(binanceLiquidation(System.currentTimeMillis(), "2"));
    await().atMost(Duration.ofSeconds(10)).until(() -> engine.size() == 3);
    assertThat(((Liquidation) engine.get(2)).usdValue()).isEqualTo(194000.0);

    binance.refuseConnections(503);
    bn.cancel();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> fallback.contains("run: no source is healthy"));
    assertThat(manager.activeSource()).isEmpty();

    binance.acceptConnections();
    coinglass.acceptConnections();
    WebSocketTestServer.Connection again = coinglass.awaitConnection(Duration.ofSeconds(30));
    again.send(coinglassLiquidation(System.currentTimeMillis(), 250000.0));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> manager.activeSource().equals(Optional.of("coinglass")));
    assertThat(switches)
        .containsSubsequence(
            "none->coinglass", "coinglass->binance", "binance->none", "none->coinglass");
    assertThat(fallback.get(fallback.size() - 1)).isEqualTo("stop");
    assertThat(manager.sources())
        .extracting(SourceStatus::source)
        .containsExactly("coinglass", "binance");
    assertThat(manager.sources().get(0).reconnects()).isGreaterThanOrEqualTo(1);
  }
}
