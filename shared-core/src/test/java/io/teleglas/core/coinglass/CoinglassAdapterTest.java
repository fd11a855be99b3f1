package io.teleglas.core.coinglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rows shaped like the doc samples of market-apis.md §A.6, varied where a rule needs it. */
class CoinglassAdapterTest {
  private static final Instant AT = Instant.parse("2025-04-21T07:00:00Z");
  private static final Coin BTC = new Coin("BTC");
  private static final Coin PEPE = new Coin("PEPE");

  private final CoinglassAdapter adapter =
      new CoinglassAdapter(InstrumentCatalog.bundled(), LiquidationSideCode.AS_WEBSOCKET);

  private static <T> T value(Fetched<T> fetched) {
    assertThat(fetched).isInstanceOf(Fetched.Value.class);
    return ((Fetched.Value<T>) fetched).value();
  }

  private static Reason reason(Fetched<?> fetched) {
    assertThat(fetched).isInstanceOf(Fetched.Unavailable.class);
    return ((Fetched.Unavailable<?>) fetched).reason();
  }

  private static CoinglassWire.LiquidationOrder order(String symbol, double price, int side) {
    return new CoinglassWire.LiquidationOrder(
        "BINANCE", symbol, "PEPE", price, 20_000.0, side, 1745216319263L);
  }

  private static CoinglassWire.WhaleAlert whale(String symbol, double size) {
    return new CoinglassWire.WhaleAlert(
        "0x3fd4444154242720c0d0c61c74a240d90c127d33",
        symbol,
        size,
        0.0125,
        null,
        2_500_000.0,
        1,
        1745219517000L);
  }

  private static FundingRate rate(String coin, Exchange exchange, double rate, int hours) {
    return new FundingRate(
        exchange, new Coin(coin), rate, Duration.ofHours(hours), Optional.empty(), AT);
  }

  @Test
  void liquidationOrders_convertMultiplierContractsToCoinPrices() {
    Liquidation pepe =
        value(adapter.liquidationOrders(List.of(order("1000PEPEUSDT", 0.0125, 1)), PEPE, AT))
            .get(0);

    assertThat(pepe.price()).isCloseTo(0.0000125, within(1e-15));
    assertThat(pepe.quantity()).isCloseTo(20_000 / 0.0000125, within(1e-3));
    assertThat(pepe.side()).isEqualTo(PositionSide.LONG);
  }

  @Test
  void liquidationOrders_skipContractsOfUnknownSizeRatherThanGuess() {
    Fetched<List<Liquidation>> fetched =
        adapter.liquidationOrders(
            List.of(order("PEPEUSDT_UNKNOWN", 0.0125, 1), order("1000PEPEUSDT", 0.0125, 2)),
            PEPE,
            AT);

    assertThat(value(fetched))
        .singleElement()
        .extracting(Liquidation::side)
        .isEqualTo(PositionSide.SHORT);
  }

  @Test
  void liquidationOrders_skipUnknownSideCodes() {
    Fetched<List<Liquidation>> fetched =
        adapter.liquidationOrders(List.of(order("1000PEPEUSDT", 0.0125, 3)), PEPE, AT);

    assertThat(reason(fetched)).isEqualTo(Reason.UPSTREAM_ERROR);
  }

  @Test
  void liquidationOrders_noneAboveTheMinimumIsAnEmptyList() {
    assertThat(value(adapter.liquidationOrders(List.of(), BTC, AT))).isEmpty();
  }

  @Test
  void whaleAlerts_resolveHyperliquidMultiplierNames() {
    WhaleAlert alert =
        value(adapter.whaleAlerts(List.of(whale("kPEPE", -200_000_000.0)), AT)).get(0);

    assertThat(alert.coin()).isEqualTo(PEPE);
    assertThat(alert.side()).isEqualTo(PositionSide.SHORT);
    assertThat(alert.size()).isEqualTo(200_000_000_000.0);
    assertThat(alert.entryPrice()).isCloseTo(0.0000125, within(1e-15));
    assertThat(alert.action()).isEqualTo(WhaleAlert.Action.OPEN);
    assertThat(alert.liquidationPrice()).isEmpty();
  }

  @Test
  void whaleAlerts_skipRowsWithoutADirection() {
    List<WhaleAlert> alerts =
        value(adapter.whaleAlerts(List.of(whale("ETH", 0.0), whale("ETH", 10.0)), AT));

    assertThat(alerts).singleElement().extracting(WhaleAlert::side).isEqualTo(PositionSide.LONG);
  }

  @Test
  void whaleAlerts_noWhalesIsAnEmptyList() {
    assertThat(value(adapter.whaleAlerts(List.of(), AT))).isEmpty();
  }

  @Test
  void fundingRates_skipRatesWithoutAnInterval() {
    CoinglassWire.CoinFunding btc =
        new CoinglassWire.CoinFunding(
            "BTC",
            List.of(
                new CoinglassWire.ExchangeFunding("Binance", null, 0.01, null),
                new CoinglassWire.ExchangeFunding("Bybit", 8.0, 0.01, null)),
            null);

    CoinFundingRates rates = value(adapter.fundingRates(List.of(btc), AT)).get(0);

    assertThat(rates.stablecoinMargined())
        .singleElement()
        .extracting(FundingRate::exchange)
        .isEqualTo(Exchange.BYBIT);
    assertThat(rates.coinMargined()).isEmpty();
  }

  @Test
  void extremes_rankByAnnualizedRateOncePerCoin() {
    List<CoinFundingRates> coins =
        List.of(
            new CoinFundingRates(
                new Coin("AAA"),
                List.of(
                    rate("AAA", Exchange.BINANCE, 0.0010, 8),
                    rate("AAA", Exchange.BYBIT, 0.0004, 1)),
                List.of()),
            new CoinFundingRates(
                new Coin("BBB"),
                List.of(
                    rate("BBB", Exchange.OKX, 0.0020, 8), rate("BBB", Exchange.OKX, -0.0030, 8)),
                List.of()),
            new CoinFundingRates(
                new Coin("CCC"), List.of(rate("CCC", Exchange.BINANCE, -0.0001, 4)), List.of()));

    FundingExtremes extremes = CoinglassAdapter.extremes(coins, 2, Set.of());

    assertThat(extremes.highest())
        .extracting(r -> r.coin().symbol() + "@" + r.exchange().name())
        .containsExactly("AAA@Bybit", "BBB@OKX");
    assertThat(extremes.lowest()).extracting(r -> r.coin().symbol()).containsExactly("BBB", "CCC");
  }

  @Test
  void extremes_countOnlyTheChosenExchanges() {
    List<CoinFundingRates> coins =
        List.of(
            new CoinFundingRates(
                new Coin("AAA"),
                List.of(
                    rate("AAA", Exchange.BINANCE, 0.0010, 8),
                    rate("AAA", Exchange.of("MEXC"), 0.0300, 8)),
                List.of()));

    FundingExtremes extremes = CoinglassAdapter.extremes(coins, 5, Set.of(Exchange.BINANCE));

    assertThat(extremes.highest())
        .extracting(FundingRate::exchange)
        .containsExactly(Exchange.BINANCE);
  }

  @Test
  void longShortRatio_refusesAnOutOfDateLatestBucket() {
    CoinglassWire.RatioBucket old =
        new CoinglassWire.RatioBucket(
            AT.minus(Duration.ofHours(4)).toEpochMilli(), 60.0, null, null);

    Fetched<LongShortRatio> fetched =
        adapter.longShortRatio(
            List.of(old),
            LongShortRatio.Kind.GLOBAL_ACCOUNTS,
            Exchange.BINANCE,
            BTC,
            Duration.ofHours(1),
            AT);

    assertThat(reason(fetched)).isEqualTo(Reason.UPSTREAM_ERROR);
  }

  @Test
  void longShortRatio_readsTheKindsOwnField() {
    CoinglassWire.RatioBucket bucket =
        new CoinglassWire.RatioBucket(AT.toEpochMilli(), 73.88, 73.3, 64.99);

    assertThat(
            Arrays.stream(LongShortRatio.Kind.values())
                .map(
                    kind ->
                        value(
                                adapter.longShortRatio(
                                    List.of(bucket),
                                    kind,
                                    Exchange.BINANCE,
                                    BTC,
                                    Duration.ofHours(4),
                                    AT))
                            .longShare())
                .mapToDouble(Double::doubleValue)
                .toArray())
        .containsExactly(new double[] {0.7388, 0.733, 0.6499}, within(1e-12));
  }

  @Test
  void liquidations_totalIsLongPlusShortWhenCoinGlassOmitsIt() {
    ExchangeLiquidations liq =
        value(
            adapter.liquidations(
                List.of(new CoinglassWire.ExchangeLiquidation("OKX", null, 10.0, 5.0)),
                Optional.of(BTC),
                Window.H4,
                AT));

    assertThat(liq.total()).isEmpty();
    assertThat(liq.exchanges().get(0).totalUsd()).isEqualTo(15.0);
  }

  @Test
  void takerVolume_withoutTotalsIsAnUpstreamError() {
    Fetched<TakerVolume> fetched =
        adapter.takerVolume(
            new CoinglassWire.TakerVolume("BTC", null, 1.0, List.of()), BTC, Window.H1, AT);

    assertThat(reason(fetched)).isEqualTo(Reason.UPSTREAM_ERROR);
  }
}
