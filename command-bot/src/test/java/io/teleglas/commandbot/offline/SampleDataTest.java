package io.teleglas.commandbot.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled sample files hang together the way live answers do (the README's "Consistency" list),
 * so the figures a demo shows never contradict each other.
 */
class SampleDataTest {
  private static final Instant NOW = Instant.parse("2026-03-01T13:47:12.345Z");
  private static final double CENT = 0.011;

  private final SampleRoutes routes = SampleRoutes.bundled();
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode answer(String method, String path, Map<String, String> params) {
    SampleRoutes.Route route =
        routes
            .find(method, path, params)
            .orElseThrow(() -> new AssertionError("no sample for " + path + " " + params));
    try {
      return mapper.readTree(SampleTimes.fill(route.template(), NOW));
    } catch (IOException e) {
      throw new AssertionError(path + " is not JSON", e);
    }
  }

  private JsonNode coinglass(String path, String... params) {
    Map<String, String> map = new HashMap<>();
    for (int n = 0; n + 1 < params.length; n += 2) {
      map.put(params[n], params[n + 1]);
    }
    JsonNode envelope = answer("GET", "/api/futures/" + path, map);
    assertThat(envelope.path("code").asText()).isEqualTo("0");
    return envelope.path("data");
  }

  private static Map<String, JsonNode> byExchange(JsonNode rows) {
    Map<String, JsonNode> map = new HashMap<>();
    rows.forEach(r -> map.put(r.path("exchange").asText(), r));
    return map;
  }

  private static double sumOf(JsonNode rows, String field, boolean skipAll) {
    double sum = 0;
    for (JsonNode r : rows) {
      if (!(skipAll && r.path("exchange").asText().equals("All"))) {
        sum += r.path(field).asDouble();
      }
    }
    return sum;
  }

  @Test
  void everyRoute_fillsToJson() throws IOException {
    for (SampleRoutes.Route r : routes.all()) {
      assertThat(mapper.readTree(SampleTimes.fill(r.template(), NOW)))
          .as(r.upstream() + " " + r.path() + " " + r.params())
          .isNotNull();
    }
  }

  @Test
  void everyFile_isRoutedOnce() throws IOException, URISyntaxException {
    Path folder =
        Path.of(SampleRoutes.class.getResource(SampleRoutes.FOLDER + "routes.txt").toURI())
            .getParent();
    List<String> routed = routes.all().stream().map(SampleRoutes.Route::file).toList();
    try (Stream<Path> files = Files.walk(folder)) {
      List<String> json =
          files
              .filter(p -> p.toString().endsWith(".json"))
              .map(p -> folder.relativize(p).toString().replace('\\', '/'))
              .toList();
      assertThat(routed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(json);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC", "ETH", "SOL"})
  void openInterest_allRowIsTheSumOfTheExchanges(String coin) {
    JsonNode rows = coinglass("open-interest/exchange-list", "symbol", coin);
    assertThat(rows.get(0).path("exchange").asText()).isEqualTo("All");
    assertThat(sumOf(rows, "open_interest_usd", true))
        .isCloseTo(rows.get(0).path("open_interest_usd").asDouble(), within(CENT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC", "ETH", "SOL"})
  void liquidations_addUpAndEachWindowContainsTheShorterOnes(String coin) {
    Map<String, JsonNode> shorter = null;
    for (String window : List.of("1h", "4h", "12h", "24h")) {
      JsonNode rows = coinglass("liquidation/exchange-list", "symbol", coin, "range", window);
      JsonNode all = rows.get(0);
      assertThat(all.path("exchange").asText()).isEqualTo("All");
      for (JsonNode r : rows) {
        assertThat(
                r.path("long_liquidation_usd").asDouble()
                    + r.path("short_liquidation_usd").asDouble())
            .isCloseTo(r.path("liquidation_usd").asDouble(), within(CENT));
      }
      assertThat(sumOf(rows, "long_liquidation_usd", true))
          .isCloseTo(all.path("long_liquidation_usd").asDouble(), within(CENT));
      assertThat(sumOf(rows, "short_liquidation_usd", true))
          .isCloseTo(all.path("short_liquidation_usd").asDouble(), within(CENT));
      Map<String, JsonNode> current = byExchange(rows);
      if (shorter != null) {
        for (Map.Entry<String, JsonNode> e : shorter.entrySet()) {
          JsonNode longer = current.get(e.getKey());
          assertThat(longer.path("long_liquidation_usd").asDouble())
              .isGreaterThanOrEqualTo(e.getValue().path("long_liquidation_usd").asDouble());
          assertThat(longer.path("short_liquidation_usd").asDouble())
              .isGreaterThanOrEqualTo(e.getValue().path("short_liquidation_usd").asDouble());
        }
      }
      shorter = current;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC", "ETH", "SOL"})
  void takerVolume_totalsAreTheSumOfTheExchanges(String coin) {
    for (String window : List.of("1h", "4h", "24h")) {
      JsonNode data =
          coinglass("taker-buy-sell-volume/exchange-list", "symbol", coin, "range", window);
      assertThat(sumOf(data.path("exchange_list"), "buy_vol_usd", false))
          .isCloseTo(data.path("buy_vol_usd").asDouble(), within(CENT));
      assertThat(sumOf(data.path("exchange_list"), "sell_vol_usd", false))
          .isCloseTo(data.path("sell_vol_usd").asDouble(), within(CENT));
      assertThat(data.path("buy_ratio").asDouble() + data.path("sell_ratio").asDouble())
          .isCloseTo(100, within(0.001));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC", "ETH", "SOL"})
  void pairsMarkets_agreeWithTheExchangeListsAndBinance(String coin) {
    JsonNode pairs = coinglass("pairs-markets", "symbol", coin);
    Map<String, JsonNode> liq =
        byExchange(coinglass("liquidation/exchange-list", "symbol", coin, "range", "24h"));
    Map<String, Double> longsByExchange = new HashMap<>();
    pairs.forEach(
        p ->
            longsByExchange.merge(
                p.path("exchange_name").asText(),
                p.path("long_liquidation_usd_24h").asDouble(),
                Double::sum));
    longsByExchange.forEach(
        (exchange, longs) ->
            assertThat(longs)
                .as(exchange)
                .isCloseTo(
                    liq.get(exchange).path("long_liquidation_usd").asDouble(), within(CENT)));

    JsonNode ticker = answer("GET", "/fapi/v1/ticker/24hr", Map.of("symbol", coin + "USDT"));
    JsonNode binancePair = pairs.get(0);
    assertThat(binancePair.path("instrument_id").asText()).isEqualTo(coin + "USDT");
    assertThat(binancePair.path("volume_usd").asDouble())
        .isEqualTo(ticker.path("quoteVolume").asDouble());
    assertThat(binancePair.path("current_price").asDouble())
        .isEqualTo(ticker.path("lastPrice").asDouble());
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC", "ETH", "SOL"})
  void venueOpenInterest_isTheStablecoinPartOfCoinglassRow(String coin) {
    Map<String, JsonNode> oi = byExchange(coinglass("open-interest/exchange-list", "symbol", coin));
    JsonNode contracts = answer("GET", "/fapi/v1/openInterest", Map.of("symbol", coin + "USDT"));
    JsonNode premium = answer("GET", "/fapi/v1/premiumIndex", Map.of("symbol", coin + "USDT"));
    double binanceUsd =
        contracts.path("openInterest").asDouble() * premium.path("markPrice").asDouble();
    assertThat(binanceUsd)
        .isCloseTo(
            oi.get("Binance").path("open_interest_by_stable_coin_margin").asDouble(),
            within(1000.0));
    JsonNode okx =
        answer(
            "GET",
            "/api/v5/public/open-interest",
            Map.of("instType", "SWAP", "instId", coin + "-USDT-SWAP"));
    assertThat(okx.path("data").get(0).path("oiUsd").asDouble())
        .isCloseTo(
            oi.get("OKX").path("open_interest_by_stable_coin_margin").asDouble(), within(CENT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC", "ETH", "SOL"})
  void coinglassRatios_areFreshAndAddUpToAHundred(String coin) {
    for (String exchange : List.of("Binance", "Bybit", "OKX")) {
      for (String kind :
          List.of(
              "global-long-short-account-ratio:global_account",
              "top-long-short-account-ratio:top_account",
              "top-long-short-position-ratio:top_position")) {
        String[] pathPrefix = kind.split(":");
        JsonNode buckets =
            coinglass(
                pathPrefix[0] + "/history",
                "exchange",
                exchange,
                "symbol",
                coin + "USDT",
                "interval",
                "1h");
        JsonNode latest = buckets.get(buckets.size() - 1);
        assertThat(Instant.ofEpochMilli(latest.path("time").asLong()))
            .isEqualTo(Instant.parse("2026-03-01T13:00:00Z"));
        for (JsonNode b : buckets) {
          assertThat(
                  b.path(pathPrefix[1] + "_long_percent").asDouble()
                      + b.path(pathPrefix[1] + "_short_percent").asDouble())
              .isCloseTo(100, within(0.001));
        }
      }
    }
  }
}
