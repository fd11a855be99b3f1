package io.teleglas.commandbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.teleglas.commandbot.offline.OfflineUpstream;
import io.teleglas.core.config.DotEnv;
import io.teleglas.core.telegram.Formats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --console --offline} end to end, in process: the real console, router, clients and sample
 * server, every command once. Figures in the replies are checked against the bundled sample files;
 * every configurable URL points at a trap server that must see nothing.
 */
class OfflineConsoleIT {
  private static final String SAMPLES = "/io/teleglas/commandbot/offline/";
  private static final List<String> COMMANDS =
      List.of(
          "/start",
          "/help",
          "/raw BTC",
          "/liq ETH 4h",
          "/funding",
          "/funding SOL",
          "/oi BTC",
          "/ls ETH",
          "/whale",
          "/whale BTC",
          "/status");
  private static final List<String> URL_VARIABLES =
      List.of(
          "TELEGRAM_API_URL",
          "COINGLASS_API_URL",
          "BINANCE_FAPI_URL",
          "BYBIT_API_URL",
          "OKX_API_URL",
          "HYPERLIQUID_API_URL");

  private final ObjectMapper mapper = new ObjectMapper();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicInteger trapped = new AtomicInteger();
  private HttpServer trap;

  @BeforeEach
  void startTrap() throws IOException {
    trap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    trap.createContext(
        "/",
        exchange -> {
          trapped.incrementAndGet();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    trap.start();
  }

  @AfterEach
  void stopTrap() {
    trap.stop(0);
  }

  private int runConsole() {
    Map<String, String> env = new HashMap<>();
    String trapUrl = "http://127.0.0.1:" + trap.getAddress().getPort();
    URL_VARIABLES.forEach(v -> env.put(v, trapUrl));
    env.put("COINGLASS_API_KEY", "configured-key-must-not-be-used");
    String stdin = String.join("\n", COMMANDS) + "\n";
    return new CommandBotApp(
            env,
            DotEnv.empty(),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(new String[] {"--console", "--offline"});
  }

  /** Each command's reply as printed, by the command line echoed before it. */
  private Map<String, String> replies() {
    Map<String, String> replies = new LinkedHashMap<>();
    String current = null;
    StringBuilder reply = new StringBuilder();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
      if (line.startsWith("> /")) {
        if (current != null) {
          replies.put(current, reply.toString());
        }
        current = line.substring(2);
        reply.setLength(0);
      } else if (current != null) {
        reply.append(line).append('\n');
      }
    }
    if (current != null) {
      replies.put(current, reply.toString());
    }
    return replies;
  }

  /** A sample file's JSON; placeholders become 0, since only the figures matter here. */
  private JsonNode sample(String file) {
    try (InputStream in = OfflineConsoleIT.class.getResourceAsStream(SAMPLES + file)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return mapper.readTree(text.replaceAll("\\$\\{[^}]*}", "0"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode allRow(String file) {
    JsonNode all = sample(file).path("data").get(0);
    assertThat(all.path("exchange").asText()).isEqualTo("All");
    return all;
  }

  @Test
  void offlineConsole_answersEveryCommandFromTheSamples() {
    assertThat(runConsole()).isZero();

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith(OfflineUpstream.NOTICE + "\n");
    Map<String, String> replies = replies();
    assertThat(replies.keySet()).containsExactlyElementsOf(COMMANDS);
    assertThat(replies.values()).allMatch(r -> !r.isBlank());
    assertThat(printed)
        .doesNotContain("unavailable", "not published", "failed on my side", "<b>", "<i>");

    double btcPrice = sample("binance/ticker-24hr-btc.json").path("lastPrice").asDouble();
    String btcOi =
        Formats.usd(
            allRow("coinglass/open-interest-exchange-list-btc.json")
                .path("open_interest_usd")
                .asDouble());
    assertThat(replies.get("/raw BTC"))
        .startsWith("#BTC  " + Formats.usdPrice(btcPrice) + "  Binance\n")
        .contains("Open interest  " + btcOi);
    assertThat(replies.get("/oi BTC")).contains("Total  " + btcOi);

    JsonNode ethLiq = allRow("coinglass/liquidation-exchange-list-eth-4h.json");
    assertThat(replies.get("/liq ETH 4h"))
        .contains(
            "Longs  " + Formats.usd(ethLiq.path("long_liquidation_usd").asDouble()),
            "Shorts " + Formats.usd(ethLiq.path("short_liquidation_usd").asDouble()),
            "Total  " + Formats.usd(ethLiq.path("liquidation_usd").asDouble()));

    assertThat(replies.get("/funding SOL"))
        .contains("Binance  " + Formats.fundingRate(solFundingOn("Binance")) + " / 8h");
    assertThat(replies.get("/funding")).contains("Longs pay", "Shorts pay", "#TRUMP");

    double ethLongPercent =
        sample("coinglass/global-long-short-account-ratio-binance-eth.json")
            .path("data")
            .get(2)
            .path("global_account_long_percent")
            .asDouble();
    assertThat(replies.get("/ls ETH"))
        .contains("all accounts  ", Math.round(ethLongPercent) + "% long");
  }

  private double solFundingOn(String exchange) {
    for (JsonNode coin : sample("coinglass/funding-rate-exchange-list.json").path("data")) {
      if (coin.path("symbol").asText().equals("SOL")) {
        for (JsonNode rate : coin.path("stablecoin_margin_list")) {
          if (rate.path("exchange").asText().equals(exchange)) {
            return rate.path("funding_rate").asDouble() / 100;
          }
        }
      }
    }
    throw new AssertionError("no SOL funding on " + exchange);
  }

  @Test
  void offlineConsole_sendsNothingToTheConfiguredUrlsAndStopsItsServer() {
    assertThat(runConsole()).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Binance, CoinGlass · ");
    assertThat(trapped).hasValue(0);
    Matcher served =
        Pattern.compile("Sample data served on http://127\\.0\\.0\\.1:(\\d+)")
            .matcher(err.toString(StandardCharsets.UTF_8));
    assertThat(served.find()).as("the sample server's address on stderr").isTrue();
    int port = Integer.parseInt(served.group(1));
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }
}
