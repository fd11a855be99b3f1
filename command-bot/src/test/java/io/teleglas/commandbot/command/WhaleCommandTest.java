package io.teleglas.commandbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.commandbot.market.MarketData;
import io.teleglas.core.coinglass.WhaleAlert;
import io.teleglas.core.coinglass.WhalePosition;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.SymbolResolver;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.market.Venue;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.upstream.Fetched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WhaleCommandTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Coin BTC = new Coin("BTC");
  private static final Coin ETH = new Coin("ETH");
  private static final String ADDRESS = "0x3fd4444154242720c0d0c61c74a240d90c127d33";

  private final SettableClock clock = new SettableClock(NOW);
  private final Symbols symbols = new Symbols(new SymbolResolver(InstrumentCatalog.bundled()));

  private static WhaleAlert alert(
      Coin coin, PositionSide side, WhaleAlert.Action action, double usd, double entry, int ago) {
    return new WhaleAlert(
        ADDRESS,
        coin,
        side,
        usd / entry,
        usd,
        entry,
        OptionalDouble.empty(),
        action,
        NOW.minus(Duration.ofMinutes(ago)));
  }

  private static WhalePosition position(String user, Coin coin, PositionSide side, double usd) {
    return new WhalePosition(
        user,
        coin,
        side,
        usd / 2249.7,
        usd,
        2249.7,
        OptionalDouble.of(1645.8),
        OptionalDouble.of(2358.2766),
        OptionalDouble.of(25),
        OptionalDouble.of(2_943_581.7019),
        OptionalDouble.of(27_033_236.424),
        OptionalDouble.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static Trade trade(Exchange exchange, TakerSide side, double qty, double price, int s) {
    return new Trade(
        exchange, BTC, "BTCUSDT", side, price, qty, qty * price, NOW.minusSeconds(s), "");
  }

  private static <T> Fetched<T> value(T v) {
    return Fetched.value(v, "CoinGlass", NOW);
  }

  private WhaleCommand command(MarketData market) {
    return new WhaleCommand(market, symbols, clock);
  }

  private WhaleCommand command() {
    return command(keyless(List.of()));
  }

  private MarketData keyless(List<FakeVenue> venues) {
    return new MarketData(
        Optional.empty(),
        List.copyOf(venues),
        InstrumentCatalog.bundled(),
        Duration.ofSeconds(1),
        clock);
  }

  private String render(
      Optional<Coin> filter, List<WhaleAlert> alerts, Fetched<List<WhalePosition>> positions) {
    return command().render(filter, true, value(alerts), positions, Optional.empty());
  }

  @Test
  void render_alertsSayOpenedOrClosedLongOrShortWithNotionalEntryAgeAndShortAddress() {
    String html =
        render(
            Optional.empty(),
            List.of(
                alert(ETH, PositionSide.LONG, WhaleAlert.Action.CLOSE, 21_003_260, 1611.62, 12),
                alert(BTC, PositionSide.SHORT, WhaleAlert.Action.OPEN, 2_936_421.4757, 87486.2, 3)),
            value(List.of()));

    assertThat(html)
        .contains(
            "• 3m ago · <b>BTC</b> opened short $2.94M · entry $87,486.20 · <code>0x3fd4…7d33</code>",
            "• 12m ago · <b>ETH</b> closed long $21.0M · entry $1,611.62 · <code>0x3fd4…7d33</code>")
        .doesNotContainIgnoringCase("buy")
        .doesNotContainIgnoringCase("sell")
        .doesNotContain("$0 ", "≈");
    assertThat(html.indexOf("3m ago")).isLessThan(html.indexOf("12m ago"));
  }

  @Test
  void render_showsTheTenNewestAlertsOnly() {
    List<WhaleAlert> alerts = new ArrayList<>();
    IntStream.rangeClosed(1, 12)
        .forEach(
            i ->
                alerts.add(
                    alert(ETH, PositionSide.LONG, WhaleAlert.Action.OPEN, 1_000_000 + i, 2000, i)));

    String html = render(Optional.empty(), alerts, value(List.of()));

    assertThat(html).contains("• 1m ago", "• 10m ago").doesNotContain("11m ago", "12m ago");
  }

  @Test
  void render_filtersAlertsAndPositionsByCoin() {
    String html =
        render(
            Optional.of(BTC),
            List.of(
                alert(ETH, PositionSide.LONG, WhaleAlert.Action.OPEN, 5_000_000, 2000, 1),
                alert(BTC, PositionSide.LONG, WhaleAlert.Action.CLOSE, 3_000_000, 90_000, 2)),
            value(
                List.of(
                    position("0xaaaaaaaaaaaaaaaa1111", ETH, PositionSide.SHORT, 80_000_000),
                    position("0xbbbbbbbbbbbbbbbb2222", BTC, PositionSide.LONG, 9_000_000))));

    assertThat(html)
        .contains("🐋 <b>Hyperliquid whales</b> · BTC", "<b>BTC</b> closed long $3.00M")
        .contains("<b>BTC</b> long $9.00M")
        .doesNotContain("<b>ETH</b>");
  }

  @Test
  void render_positionsLargestFirstWithLeverageEntryLiquidationPnlAndMargin() {
    List<WhalePosition> positions = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      positions.add(
          position(
              "0x" + i + "0c2d95a3dfdca9e9ad12794d5fa6fad99da44f5",
              ETH,
              PositionSide.SHORT,
              i * 10_000_000.0));
    }

    String html = render(Optional.empty(), List.of(), value(positions));

    assertThat(html)
        .contains(
            "• <b>ETH</b> short $70.0M at 25x · entry $2,249.70 · liq $2,358.28\n"
                + "   uPnL +$27.0M · margin $2.94M · <code>0x70c2…44f5</code>\n"
                + "• <b>ETH</b> short $60.0M")
        .contains("$30.0M")
        .doesNotContain("$20.0M", "$10.0M");
  }

  @Test
  void render_positionWithoutOptionalFiguresSaysNotAvailableInsteadOfZero() {
    WhalePosition bare =
        new WhalePosition(
            ADDRESS,
            BTC,
            PositionSide.LONG,
            20,
            1_800_000,
            90_000,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    String html = render(Optional.empty(), List.of(), value(List.of(bare)));

    assertThat(html)
        .contains("<b>BTC</b> long $1.80M · entry $90,000.00 · liq <i>n/a</i>")
        .contains("uPnL <i>n/a</i> · <code>")
        .doesNotContain(" at ", "margin", "$0");
  }

  @Test
  void render_escapesAddressesFromUpstream() {
    String evil = "<b onclick=\"x\">&amp;</b><script>";
    String shortEvil = "<u>x</u>&";

    String html =
        render(
            Optional.empty(),
            List.of(evilAlert(evil), evilAlert(shortEvil)),
            value(List.of(position(evil, ETH, PositionSide.LONG, 5_000_000))));

    assertThat(html).doesNotContain("<b onc", "ipt>", "<u>", "&amp;</b>", "</u>&");
    assertThat(html.split("<code>&lt;b onc…ipt&gt;</code>", -1)).hasSize(3);
    assertThat(html).contains("<code>&lt;u&gt;x&lt;/u&gt;&amp;</code>");
    assertThat(Html.toPlainText(html)).contains("<b onc…ipt>", "<u>x</u>&");
  }

  private static WhaleAlert evilAlert(String user) {
    return new WhaleAlert(
        user,
        ETH,
        PositionSide.LONG,
        1,
        2_000_000,
        2000,
        OptionalDouble.empty(),
        WhaleAlert.Action.OPEN,
        NOW);
  }

  @Test
  void render_noAlertsAtAllSaysSo() {
    assertThat(render(Optional.empty(), List.of(), value(List.of())))
        .contains("CoinGlass lists no recent whale alert.")
        .contains("No open whale position over $1M.");
  }

  @Test
  void render_noAlertForTheCoinSaysForHowLongThereWasNone() {
    String html =
        render(
            Optional.of(BTC),
            List.of(
                alert(ETH, PositionSide.LONG, WhaleAlert.Action.OPEN, 5_000_000, 2000, 5),
                alert(ETH, PositionSide.SHORT, WhaleAlert.Action.OPEN, 5_000_000, 2000, 47)),
            value(List.of()));

    assertThat(html)
        .contains("<i>No BTC whale alert in the last 47m.</i>")
        .contains("No open BTC whale position over $1M.");
  }

  @Test
  void render_positionsUnavailableWhileAlertsArriveSaysWhy() {
    String html =
        render(
            Optional.empty(),
            List.of(),
            Fetched.unavailable(Fetched.Reason.PLAN, "needs CoinGlass Startup plan", "CoinGlass"));

    assertThat(html)
        .contains(
            "<b>Largest open positions</b>  <i>unavailable: needs CoinGlass Startup plan</i>");
  }

  @ParameterizedTest
  @EnumSource(Fetched.Reason.class)
  void render_coinglassUnavailableFallsBackToTradesAndSaysWhy(Fetched.Reason reason) {
    Fetched<List<WhaleAlert>> refused =
        Fetched.unavailable(reason, "detail for " + reason, "CoinGlass");
    Fetched<List<Trade>> trades =
        Fetched.value(
            List.of(trade(Exchange.BINANCE, TakerSide.BUY, 20, 64_002.5, 30)), "Binance", NOW);

    String html =
        command()
            .render(
                Optional.empty(), true, refused, refused.map(x -> List.of()), Optional.of(trades));

    String why =
        switch (reason) {
          case NO_API_KEY -> "needs a CoinGlass API key";
          case RATE_LIMITED -> "CoinGlass rate limit reached, try again in a minute";
          case UNKNOWN_SYMBOL -> "not listed on CoinGlass";
          default -> "detail for " + reason;
        };
    assertThat(html)
        .startsWith("🐋 <b>Large trades on Binance</b> (" + why + ")\n")
        .contains("• 30s ago · <b>bought</b> 20 BTC ($1.28M) @ $64,002.50 · Binance")
        .doesNotContain("Largest open positions", "Hyperliquid whales");
  }

  @Test
  void render_tradesUnavailableSaysWhy() {
    String html =
        command()
            .render(
                Optional.of(ETH),
                false,
                Fetched.unavailable(Fetched.Reason.NO_API_KEY, "no key", "CoinGlass"),
                Fetched.unavailable(Fetched.Reason.NO_API_KEY, "no key", "CoinGlass"),
                Optional.of(
                    Fetched.unavailable(
                        Fetched.Reason.TIMEOUT, "Binance did not answer in time", "Binance")));

    assertThat(html)
        .startsWith("🐋 <b>Large trades</b> (no CoinGlass key)\n")
        .contains("ETH trades of $1,000,000 or more")
        .contains("<i>unavailable: Binance did not answer in time</i>")
        .contains("no source answered")
        .doesNotContain("BTC by default");
  }

  @Test
  void reply_withoutKeyAsksTheVenuesForBtcTradesOfAMillionAndSaysBtcIsTheDefault() {
    FakeVenue binance =
        new FakeVenue(
            Venue.BINANCE,
            Fetched.value(
                List.of(
                    trade(Exchange.BINANCE, TakerSide.SELL, 12.5, 80_000, 120),
                    trade(Exchange.BINANCE, TakerSide.BUY, 15, 80_000.1, 5)),
                "Binance",
                NOW));
    FakeVenue okx =
        new FakeVenue(
            Venue.OKX,
            Fetched.value(
                List.of(trade(Exchange.OKX, TakerSide.BUY, 30, 79_999.9, 60)), "OKX", NOW));

    Reply reply = command(keyless(List.of(binance, okx))).reply(request());

    assertThat(binance.asked).containsExactly(new FakeVenue.Asked(BTC, 1_000_000));
    assertThat(okx.asked).containsExactly(new FakeVenue.Asked(BTC, 1_000_000));
    assertThat(reply.refresh()).contains("/whale");
    assertThat(reply.html())
        .startsWith("🐋 <b>Large trades on Binance, OKX</b> (no CoinGlass key)\n")
        .contains("BTC trades of $1,000,000 or more, newest first; bought/sold is the taker's side")
        .contains("<i>BTC by default: send /whale ETH for another coin.</i>")
        .contains(
            "• 5s ago · <b>bought</b> 15 BTC ($1.20M) @ $80,000.10 · Binance\n"
                + "• 1m ago · <b>bought</b> 30 BTC ($2.40M) @ $79,999.90 · OKX\n"
                + "• 2m ago · <b>sold</b> 12.5 BTC ($1.00M) @ $80,000.00 · Binance\n")
        .doesNotContain("Largest open positions");
  }

  @Test
  void reply_asksForEachCoinTiersThreshold() {
    FakeVenue bybit = new FakeVenue(Venue.BYBIT, Fetched.value(List.of(), "Bybit", NOW));
    WhaleCommand whale = command(keyless(List.of(bybit)));

    String eth = whale.reply(request("eth")).html();
    String sol = whale.reply(request("$SOL")).html();
    String doge = whale.reply(request("DOGEUSDT")).html();

    assertThat(bybit.asked)
        .containsExactly(
            new FakeVenue.Asked(ETH, 1_000_000),
            new FakeVenue.Asked(new Coin("SOL"), 250_000),
            new FakeVenue.Asked(new Coin("DOGE"), 100_000));
    assertThat(eth)
        .contains("No ETH trade of $1,000,000 or more among the latest trades they publish.")
        .doesNotContain("by default");
    assertThat(sol).contains("No SOL trade of $250,000 or more");
    assertThat(doge).contains("No DOGE trade of $100,000 or more");
    assertThat(whale.reply(request("doge")).refresh()).contains("/whale DOGE");
  }

  @Test
  void reply_badSymbolGetsAnEscapedUsageLine() {
    String html = command().reply(request("<script>")).html();

    assertThat(html).contains("/whale ETH").doesNotContain("<script>");
  }

  @Test
  void shortAddress_keepsHeadAndTailOfLongAddressesOnly() {
    assertThat(WhaleLines.shortAddress(ADDRESS)).isEqualTo("0x3fd4…7d33");
    assertThat(WhaleLines.shortAddress("0x12345abcd")).isEqualTo("0x12345abcd");
  }

  private static CommandRequest request(String... args) {
    return new CommandRequest(1, 1, "whale", List.of(args));
  }
}
