package io.teleglas.commandbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.commandbot.FakeMarketApis;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.commandbot.market.MarketWiring;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Environment;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.SymbolResolver;
import io.teleglas.core.upstream.UpstreamMeter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The market commands through real CoinGlass and exchange clients against WireMock serving the
 * documented payloads (fixtures of shared-core's test-jar, each named after its doc sample). The
 * figures in the replies are checked against the fixture values.
 */
class MarketCommandsIT {
  private FakeMarketApis upstream = new FakeMarketApis(0);
  private final OkHttpClient http = io.teleglas.core.http.HttpClients.create();

  @AfterEach
  void stop() {
    http.dispatcher().executorService().shutdown();
    upstream.close();
  }

  private CommandRouter router(boolean withKey) {
    Map<String, String> env = upstream.env(withKey);
    ConfigReader reader = new ConfigReader(Environment.of(env));
    CommonConfig config = CommonConfig.read(reader);
    reader.finish();
    MarketData market =
        MarketWiring.marketData(
            config,
            http,
            new ObjectMapper(),
            new UpstreamMeter(new SimpleMeterRegistry(), Clock.systemUTC()),
            Clock.systemUTC());
    Symbols symbols = new Symbols(new SymbolResolver(InstrumentCatalog.bundled()));
    Clock clock = Clock.systemUTC();
    return CommandRouter.withHelp(
        List.of(
            new RawCommand(market, symbols, clock),
            new LiqCommand(market, symbols, clock),
            new FundingCommand(market, symbols, clock),
            new OiCommand(market, symbols, clock),
            new LsCommand(market, symbols, clock)));
  }

  @Test
  void raw_showsEveryFigureFromTheFixturesAndSaysWhatIsMissing() {
    upstream.stubBtc();

    Reply reply = router(true).route(1, 1, "/raw btc");

    assertThat(reply.refresh()).contains("/raw BTC");
    assertThat(reply.html())
        .contains("<b>#BTC</b>  $4.0000  <i>Binance</i>")
        .contains("Change  1h -0.17% · 4h -0.54% · 24h +0.24%")
        .contains("range $0.1000 – $100.00")
        .contains("<b>Open interest</b>  $57.4B  1h +2.27% · 4h +2.95% · 24h +0.90%")
        .contains("CME $12.3B (21%)")
        .contains("Binance +0.0073%")
        .contains("24h  $451.4K / $14.2M")
        .contains("1h  $1.11B / $1.07B (51% buy)")
        .contains("<b>RSI</b>  1h 71.9 · 4h 72.1 · 24h 57.9")
        .contains("top positions  <i>unavailable: needs CoinGlass");
  }

  @Test
  void liq_breaksDownByExchangeAndNamesTheDominantSide() {
    upstream.stubBtc();

    String html = router(true).route(1, 1, "/liq BTC 4h").html();

    assertThat(html)
        .contains("#BTC liquidations · 4h")
        .contains("🔴 Longs  $451.4K", "🟢 Shorts $14.2M", "Total  $14.7M")
        .contains("Shorts took 97% of the liquidations")
        .contains("Bybit  $104.6K / $4.48M");
    assertThat(router(true).route(1, 1, "/liq BTC 7d").html()).contains("1h, 4h, 12h or 24h");
  }

  @Test
  void withoutKey_liquidationsSayWhyAndPricesComeFromTheExchange() {
    upstream.stubBtc();

    String raw = router(false).route(1, 1, "/raw BTC").html();

    assertThat(raw)
        .contains("$4.0000  <i>Binance</i>")
        .contains("1h  <i>unavailable: needs a CoinGlass API key</i>");
    assertThat(upstream.requestCount("/api/futures/.*")).isZero();
    assertThat(router(false).route(1, 1, "/liq BTC").html()).contains("needs a CoinGlass API key");
  }

  @Test
  void coinglassOutage_givesPartialAnswersNamingTheProblem() {
    upstream.stub(
        "/fapi/v1/ticker/24hr", "/io/teleglas/core/exchange/binance/ticker-24hr-btc.json");
    upstream.failCoinglass(500);

    String raw = router(true).route(1, 1, "/raw BTC").html();

    assertThat(raw).contains("$4.0000").contains("<b>RSI</b>  <i>unavailable:");
    assertThat(raw).doesNotContain("$0 ").doesNotContain("oops");
  }

  @Test
  void raw_withSlowUpstreamsAnswersWithinOneSecondAndFromCacheInFiftyMillis() {
    upstream.close();
    upstream = new FakeMarketApis(200).stubBtc();
    CommandRouter router = router(true);

    long start = System.nanoTime();
    String first = router.route(1, 1, "/raw BTC").html();
    long firstMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    String second = router.route(1, 1, "/raw BTC").html();
    long secondMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(first).contains("$57.4B");
    assertThat(second).contains("$57.4B");
    assertThat(firstMillis).as("first /raw, ms").isGreaterThanOrEqualTo(200).isLessThan(1000);
    assertThat(secondMillis).as("cached /raw, ms").isLessThan(50);
  }

  @Test
  void raw_aSourceSlowerThanTheDeadlineCostsOneLineNotTheReply() {
    upstream.stubBtc();
    upstream.stubSlow(
        "/api/futures/rsi/list",
        "/io/teleglas/core/coinglass/rsi-list.json",
        java.time.Duration.ofSeconds(6));

    long start = System.nanoTime();
    String raw = router(true).route(1, 1, "/raw BTC").html();
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(raw)
        .contains("$57.4B")
        .contains("<b>RSI</b>  <i>unavailable: CoinGlass did not answer within 3.0 s</i>");
    assertThat(millis).isBetween(2900L, 4500L);
  }

  @Test
  void badSymbolsGetFriendlyReplies() {
    CommandRouter router = router(true);
    assertThat(router.route(1, 1, "/oi").html()).contains("Which coin?", "/oi ETH");
    assertThat(router.route(1, 1, "/funding <script>").html())
        .contains("For example")
        .doesNotContain("<script>");
    assertThat(router.route(1, 1, "/ls " + "A".repeat(5000)).html()).hasSizeLessThan(300);
  }
}
