package io.teleglas.alertbot.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.source.bybit.BybitProtocol;
import io.teleglas.alertbot.source.okx.OkxProtocol;
import io.teleglas.alertbot.stream.SessionListener;
import io.teleglas.alertbot.stream.SessionState;
import io.teleglas.alertbot.stream.StreamContext;
import io.teleglas.alertbot.stream.StreamProtocol;
import io.teleglas.alertbot.stream.StreamSession;
import io.teleglas.core.lifecycle.DaemonThreads;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.testing.WebSocketTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real venue protocols through a real {@link StreamSession} against in-process servers that
 * answer as the venues document: the exact subscribe frame, the ack, then a documented data frame
 * (market-apis.md §C.2 Bybit allLiquidation, §C.3 OKX liquidation-orders).
 */
class VenueSessionsIT {
  private final WebSocketTestServer server = WebSocketTestServer.start();
  private final OkHttpClient http = new OkHttpClient();
  private final ScheduledThreadPoolExecutor scheduler =
      new ScheduledThreadPoolExecutor(1, new DaemonThreads("venue-test"));
  private final List<MarketEvent> events = new CopyOnWriteArrayList<>();
  private final ObjectMapper mapper = new ObjectMapper();
  private final InstrumentCatalog catalog = InstrumentCatalog.bundled();
  private StreamSession session;

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    scheduler.shutdownNow();
    http.dispatcher().executorService().shutdown();
    server.close();
  }

  private static String fixture(String name) {
    try (InputStream in =
        VenueSessionsIT.class.getResourceAsStream("/io/teleglas/alertbot/source/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WebSocketTestServer.Connection open(
      StreamProtocol protocol, String path, List<String> topics) {
    session =
        new StreamSession(
            StreamContext.of(http, scheduler),
            protocol,
            URI.create(server.url(path)),
            topics,
            (source, e) -> events.add(e),
            SessionListener.NONE);
    session.start();
    return server.awaitConnection(Duration.ofSeconds(10));
  }

  @Test
  void bybit_subscribesAcksAndDecodesAllLiquidation() {
    String ack = fixture("bybit/subscribe-ack-doc.json");
    server.onMessage(
        (c, text) -> {
          if (text.contains("\"op\":\"subscribe\"")) {
            c.send(ack);
          }
        });

    WebSocketTestServer.Connection c =
        open(
            new BybitProtocol(catalog, mapper),
            "/v5/public/linear",
            List.of("allLiquidation.ROSEUSDT"));

    assertThat(c.awaitMessage(Duration.ofSeconds(5)))
        .isEqualTo("{\"op\":\"subscribe\",\"args\":[\"allLiquidation.ROSEUSDT\"]}");
    await().atMost(Duration.ofSeconds(5)).until(() -> session.state() == SessionState.LIVE);
    c.send(fixture("bybit/all-liquidation-doc.json"));

    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
    Liquidation l = (Liquidation) events.get(0);
    assertThat(l.side()).as("Bybit S=Sell is a liquidated short").isEqualTo(PositionSide.SHORT);
    assertThat(l.usdValue()).isEqualTo(20000 * 0.04499, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void okx_subscribesAcksAndConvertsContractsWithCtVal() {
    server.onMessage(
        (c, text) -> {
          if (text.contains("\"op\":\"subscribe\"")) {
            c.send(
                "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"connId\":\"a4d3ae55\"}");
          }
        });

    WebSocketTestServer.Connection c =
        open(
            new OkxProtocol(Map.of("IOST-USDT-SWAP", 1000.0), catalog, mapper),
            "/ws/v5/public",
            List.of(OkxProtocol.LIQUIDATIONS));

    assertThat(c.awaitMessage(Duration.ofSeconds(5)))
        .isEqualTo(
            "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"}]}");
    await().atMost(Duration.ofSeconds(5)).until(() -> session.state() == SessionState.LIVE);
    c.send(fixture("okx/liquidation-orders-doc.json"));

    await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
    Liquidation l = (Liquidation) events.get(0);
    assertThat(l.side()).as("posSide short").isEqualTo(PositionSide.SHORT);
    assertThat(l.usdValue())
        .as("sz 13 × ctVal 1000 × bkPx 0.007831")
        .isEqualTo(13 * 1000 * 0.007831, org.assertj.core.data.Offset.offset(1e-9));
  }
}
