package io.teleglas.core.coinglass;

import static io.teleglas.core.coinglass.RowReader.required;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.Venue;
import io.teleglas.core.upstream.Fetched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Converts {@link CoinglassWire} rows into this package's results and the market domain records.
 * The one place that knows CoinGlass's conventions:
 *
 * <ul>
 *   <li>Funding rates arrive in percent (BTC on Binance as {@code 0.007343}, i.e. 0.0073 % per 8 h)
 *       and become fractions. The docs never state the unit; the magnitudes only fit percent
 *       (market-apis.md §A.6.3). Verify against Binance's {@code lastFundingRate} when first live.
 *   <li>Long/short percentages (73.88) become shares (0.7388).
 *   <li>The "All" exchange row becomes {@link Exchange#ALL}; other names go through {@link
 *       Exchange#of} ({@code BINANCE} is Binance, {@code Gate.io} is Gate).
 *   <li>Hyperliquid names ({@code kPEPE}) and exchange pairs ({@code 1000PEPEUSDT}) are resolved
 *       through the {@link InstrumentCatalog}, so prices and sizes are per coin.
 * </ul>
 *
 * Answers without rows for a requested coin are {@code UNKNOWN_SYMBOL}. Thread-safe.
 */
final class CoinglassAdapter {
  private static final double PERCENT = 100;

  private final InstrumentCatalog instruments;
  private final LiquidationSideCode sides;

  CoinglassAdapter(InstrumentCatalog instruments, LiquidationSideCode sides) {
    this.instruments = instruments;
    this.sides = sides;
  }

  static <T> Fetched<T> unknown(String what) {
    return Fetched.unavailable(
        Fetched.Reason.UNKNOWN_SYMBOL, "CoinGlass has no data for " + what, Refusals.SOURCE);
  }

  Fetched<List<PairMarket>> pairMarkets(
      List<CoinglassWire.PairMarket> wire, Coin coin, Instant at) {
    if (wire.isEmpty()) {
      return unknown(coin.symbol());
    }
    RowReader rows = new RowReader("pairs-markets");
    List<PairMarket> markets = rows.convert(wire, w -> pairMarket(w, coin, at));
    return rows.finish(markets, !markets.isEmpty(), at);
  }

  private static PairMarket pairMarket(CoinglassWire.PairMarket w, Coin coin, Instant at) {
    return new PairMarket(
        exchange(required(w.exchangeName(), "exchange_name")),
        coin,
        required(w.instrumentId(), "instrument_id"),
        Optional.ofNullable(w.symbol()),
        required(w.currentPrice(), "current_price"),
        optional(w.indexPrice()),
        optional(w.priceChangePercent24h()),
        optional(w.volumeUsd()),
        optional(w.openInterestUsd()),
        optional(w.openInterestQuantity()),
        optional(w.openInterestChangePercent24h()),
        fraction(w.fundingRate()),
        time(w.nextFundingTime()),
        optional(w.longLiquidationUsd24h()),
        optional(w.shortLiquidationUsd24h()),
        at);
  }

  Fetched<List<CoinMarket>> coinMarkets(List<CoinglassWire.CoinMarket> wire, Instant at) {
    RowReader rows = new RowReader("coins-markets");
    List<CoinMarket> markets = rows.convert(wire, w -> coinMarket(w, at));
    return rows.finish(markets, !markets.isEmpty() || wire.isEmpty(), at);
  }

  private static CoinMarket coinMarket(CoinglassWire.CoinMarket w, Instant at) {
    return new CoinMarket(
        new Coin(required(w.symbol(), "symbol")),
        required(w.currentPrice(), "current_price"),
        fraction(w.avgFundingRateByOi()),
        fraction(w.avgFundingRateByVol()),
        optional(w.marketCapUsd()),
        optional(w.openInterestUsd()),
        optional(w.openInterestQuantity()),
        new ByWindow.Builder()
            .put(Window.M5, w.priceChangePercent5m())
            .put(Window.M15, w.priceChangePercent15m())
            .put(Window.M30, w.priceChangePercent30m())
            .put(Window.H1, w.priceChangePercent1h())
            .put(Window.H4, w.priceChangePercent4h())
            .put(Window.H12, w.priceChangePercent12h())
            .put(Window.H24, w.priceChangePercent24h())
            .build(),
        new ByWindow.Builder()
            .put(Window.M5, w.openInterestChangePercent5m())
            .put(Window.M15, w.openInterestChangePercent15m())
            .put(Window.M30, w.openInterestChangePercent30m())
            .put(Window.H1, w.openInterestChangePercent1h())
            .put(Window.H4, w.openInterestChangePercent4h())
            .put(Window.H24, w.openInterestChangePercent24h())
            .build(),
        new ByWindow.Builder()
            .put(Window.M5, w.volumeChangePercent5m())
            .put(Window.M15, w.volumeChangePercent15m())
            .put(Window.M30, w.volumeChangePercent30m())
            .put(Window.H1, w.volumeChangePercent1h())
            .put(Window.H4, w.volumeChangePercent4h())
            .put(Window.H24, w.volumeChangePercent24h())
            .build(),
        new ByWindow.Builder()
            .put(Window.M5, w.longShortRatio5m())
            .put(Window.M15, w.longShortRatio15m())
            .put(Window.M30, w.longShortRatio30m())
            .put(Window.H1, w.longShortRatio1h())
            .put(Window.H4, w.longShortRatio4h())
            .put(Window.H12, w.longShortRatio12h())
            .put(Window.H24, w.longShortRatio24h())
            .build(),
        new ByWindow.Builder()
            .put(Window.H1, w.liquidationUsd1h())
            .put(Window.H4, w.liquidationUsd4h())
            .put(Window.H12, w.liquidationUsd12h())
            .put(Window.H24, w.liquidationUsd24h())
            .build(),
        new ByWindow.Builder()
            .put(Window.H1, w.longLiquidationUsd1h())
            .put(Window.H4, w.longLiquidationUsd4h())
            .put(Window.H12, w.longLiquidationUsd12h())
            .put(Window.H24, w.longLiquidationUsd24h())
            .build(),
        new ByWindow.Builder()
            .put(Window.H1, w.shortLiquidationUsd1h())
            .put(Window.H4, w.shortLiquidationUsd4h())
            .put(Window.H12, w.shortLiquidationUsd12h())
            .put(Window.H24, w.shortLiquidationUsd24h())
            .build(),
        at);
  }

  Fetched<List<PriceChanges>> priceChanges(List<CoinglassWire.PriceChange> wire, Instant at) {
    RowReader rows = new RowReader("coins-price-change");
    List<PriceChanges> changes = rows.convert(wire, w -> priceChange(w, at));
    return rows.finish(changes, !changes.isEmpty() || wire.isEmpty(), at);
  }

  private static PriceChanges priceChange(CoinglassWire.PriceChange w, Instant at) {
    return new PriceChanges(
        new Coin(required(w.symbol(), "symbol")),
        required(w.currentPrice(), "current_price"),
        new ByWindow.Builder()
            .put(Window.M5, w.priceChangePercent5m())
            .put(Window.M15, w.priceChangePercent15m())
            .put(Window.M30, w.priceChangePercent30m())
            .put(Window.H1, w.priceChangePercent1h())
            .put(Window.H4, w.priceChangePercent4h())
            .put(Window.H12, w.priceChangePercent12h())
            .put(Window.H24, w.priceChangePercent24h())
            .build(),
        new ByWindow.Builder()
            .put(Window.M5, w.priceAmplitudePercent5m())
            .put(Window.M15, w.priceAmplitudePercent15m())
            .put(Window.M30, w.priceAmplitudePercent30m())
            .put(Window.H1, w.priceAmplitudePercent1h())
            .put(Window.H4, w.priceAmplitudePercent4h())
            .put(Window.H12, w.priceAmplitudePercent12h())
            .put(Window.H24, w.priceAmplitudePercent24h())
            .build(),
        at);
  }

  Fetched<OpenInterestByExchange> openInterest(
      List<CoinglassWire.ExchangeOpenInterest> wire, Coin coin, Instant at) {
    if (wire.isEmpty()) {
      return unknown(coin.symbol());
    }
    RowReader rows = new RowReader("open-interest/exchange-list");
    List<OpenInterestByExchange.Row> all = rows.convert(wire, CoinglassAdapter::openInterestRow);
    Optional<OpenInterestByExchange.Row> total =
        all.stream().filter(r -> r.exchange().equals(Exchange.ALL)).findFirst();
    List<OpenInterestByExchange.Row> exchanges =
        all.stream().filter(r -> !r.exchange().equals(Exchange.ALL)).toList();
    return rows.finish(new OpenInterestByExchange(coin, total, exchanges, at), !all.isEmpty(), at);
  }

  private static OpenInterestByExchange.Row openInterestRow(CoinglassWire.ExchangeOpenInterest w) {
    return new OpenInterestByExchange.Row(
        exchange(required(w.exchange(), "exchange")),
        required(w.openInterestUsd(), "open_interest_usd"),
        optional(w.openInterestQuantity()),
        optional(w.openInterestByStableCoinMargin()),
        optional(w.openInterestQuantityByCoinMargin()),
        optional(w.openInterestQuantityByStableCoinMargin()),
        new ByWindow.Builder()
            .put(Window.M5, w.openInterestChangePercent5m())
            .put(Window.M15, w.openInterestChangePercent15m())
            .put(Window.M30, w.openInterestChangePercent30m())
            .put(Window.H1, w.openInterestChangePercent1h())
            .put(Window.H4, w.openInterestChangePercent4h())
            .put(Window.H24, w.openInterestChangePercent24h())
            .build());
  }

  Fetched<List<CoinFundingRates>> fundingRates(List<CoinglassWire.CoinFunding> wire, Instant at) {
    RowReader rows = new RowReader("funding-rate/exchange-list");
    List<CoinFundingRates> coins =
        rows.convert(
            wire,
            w -> {
              Coin coin = new Coin(required(w.symbol(), "symbol"));
              return new CoinFundingRates(
                  coin,
                  rows.convert(w.stablecoinMarginList(), f -> fundingRate(f, coin, at)),
                  rows.convert(w.tokenMarginList(), f -> fundingRate(f, coin, at)));
            });
    return rows.finish(coins, !coins.isEmpty() || wire.isEmpty(), at);
  }

  private static FundingRate fundingRate(CoinglassWire.ExchangeFunding w, Coin coin, Instant at) {
    double hours = required(w.fundingRateInterval(), "funding_rate_interval");
    if (!(hours > 0) || hours > 24 * 365) {
      throw new IllegalArgumentException("funding_rate_interval out of range: " + hours);
    }
    return new FundingRate(
        exchange(required(w.exchange(), "exchange")),
        coin,
        required(w.fundingRate(), "funding_rate") / PERCENT,
        Duration.ofSeconds(Math.round(hours * 3600)),
        time(w.nextFundingTime()),
        at);
  }

  /** Each coin's most extreme stablecoin-margined rate, ranked by annualized rate. */
  static FundingExtremes extremes(
      List<CoinFundingRates> coins, int perSide, Set<Exchange> exchanges) {
    List<FundingRate> highestPerCoin = new ArrayList<>();
    List<FundingRate> lowestPerCoin = new ArrayList<>();
    Comparator<FundingRate> byAnnualized = Comparator.comparingDouble(FundingRate::annualized);
    for (CoinFundingRates coin : coins) {
      List<FundingRate> rates =
          coin.stablecoinMargined().stream()
              .filter(r -> exchanges.isEmpty() || exchanges.contains(r.exchange()))
              .toList();
      rates.stream().max(byAnnualized).ifPresent(highestPerCoin::add);
      rates.stream().min(byAnnualized).ifPresent(lowestPerCoin::add);
    }
    return new FundingExtremes(
        highestPerCoin.stream()
            .filter(r -> r.rate() > 0)
            .sorted(byAnnualized.reversed())
            .limit(perSide)
            .toList(),
        lowestPerCoin.stream()
            .filter(r -> r.rate() < 0)
            .sorted(byAnnualized)
            .limit(perSide)
            .toList());
  }

  Fetched<ExchangeLiquidations> liquidations(
      List<CoinglassWire.ExchangeLiquidation> wire, Optional<Coin> coin, Window range, Instant at) {
    if (wire.isEmpty()) {
      return unknown(coin.map(Coin::symbol).orElse("any coin"));
    }
    RowReader rows = new RowReader("liquidation/exchange-list");
    List<ExchangeLiquidations.Row> all = rows.convert(wire, CoinglassAdapter::liquidationRow);
    return rows.finish(
        new ExchangeLiquidations(
            coin,
            range,
            all.stream().filter(r -> r.exchange().equals(Exchange.ALL)).findFirst(),
            all.stream().filter(r -> !r.exchange().equals(Exchange.ALL)).toList(),
            at),
        !all.isEmpty(),
        at);
  }

  private static ExchangeLiquidations.Row liquidationRow(CoinglassWire.ExchangeLiquidation w) {
    double longUsd = required(w.longLiquidationUsd(), "long_liquidation_usd");
    double shortUsd = required(w.shortLiquidationUsd(), "short_liquidation_usd");
    double total = w.liquidationUsd() != null ? w.liquidationUsd() : longUsd + shortUsd;
    return new ExchangeLiquidations.Row(
        exchange(required(w.exchange(), "exchange")), longUsd, shortUsd, total);
  }

  Fetched<List<Liquidation>> liquidationOrders(
      List<CoinglassWire.LiquidationOrder> wire, Coin coin, Instant at) {
    RowReader rows = new RowReader("liquidation/order");
    List<Liquidation> orders = rows.convert(wire, w -> liquidationOrder(w, coin));
    return rows.finish(orders, !orders.isEmpty() || wire.isEmpty(), at);
  }

  private Liquidation liquidationOrder(CoinglassWire.LiquidationOrder w, Coin coin) {
    Exchange exchange = exchange(required(w.exchangeName(), "exchange_name"));
    String instrument = required(w.symbol(), "symbol");
    long multiplier = multiplier(exchange, instrument, coin);
    double usd = required(w.usdValue(), "usd_value");
    double price = required(w.price(), "price") / multiplier;
    int code = required(w.side(), "side");
    // UNVERIFIED: CoinGlass documents this code two contradicting ways; see LiquidationSideCode.
    PositionSide side =
        sides
            .positionSide(code)
            .orElseThrow(() -> new IllegalArgumentException("unknown side code " + code));
    return new Liquidation(
        exchange,
        coin,
        instrument,
        side,
        price,
        price > 0 ? usd / price : 0,
        usd,
        Instant.ofEpochMilli(required(w.time(), "time")));
  }

  /**
   * Coins per unit of a liquidated instrument's price: the catalog's for venues we know, else 1
   * unless the coin is known to trade as a multiplier contract somewhere (then the unit is unknown
   * and the row is skipped rather than risk a 1000x error).
   */
  private long multiplier(Exchange exchange, String instrument, Coin coin) {
    Optional<Venue> venue =
        Arrays.stream(Venue.values()).filter(v -> v.exchange().equals(exchange)).findFirst();
    Optional<Instrument> listed =
        venue.flatMap(v -> instruments.byName(v, instrument)).filter(i -> i.coin().equals(coin));
    if (listed.isPresent()) {
      return listed.get().multiplier();
    }
    if (instruments.hasMultiplier(coin)) {
      throw new IllegalArgumentException("unknown contract size of " + instrument);
    }
    return 1;
  }

  Fetched<LongShortRatio> longShortRatio(
      List<CoinglassWire.RatioBucket> wire,
      LongShortRatio.Kind kind,
      Exchange exchange,
      Coin coin,
      Duration interval,
      Instant at) {
    if (wire.isEmpty()) {
      return unknown(coin.symbol() + " on " + exchange.name());
    }
    RowReader rows = new RowReader("long-short-ratio");
    List<LongShortRatio> buckets =
        rows.convert(
            wire,
            w ->
                new LongShortRatio(
                    exchange,
                    coin,
                    kind,
                    required(longPercent(w, kind), "long percent") / PERCENT,
                    interval,
                    Instant.ofEpochMilli(required(w.time(), "time"))));
    Optional<LongShortRatio> latest =
        buckets.stream().max(Comparator.comparing(LongShortRatio::time));
    if (latest.isPresent() && latest.get().time().isBefore(at.minus(interval.multipliedBy(3)))) {
      return Fetched.unavailable(
          Fetched.Reason.UPSTREAM_ERROR,
          "CoinGlass's latest ratio is out of date",
          Refusals.SOURCE);
    }
    return rows.finish(latest.orElse(null), latest.isPresent(), at);
  }

  private static Double longPercent(CoinglassWire.RatioBucket w, LongShortRatio.Kind kind) {
    return switch (kind) {
      case GLOBAL_ACCOUNTS -> w.globalAccountLongPercent();
      case TOP_TRADER_ACCOUNTS -> w.topAccountLongPercent();
      case TOP_TRADER_POSITIONS -> w.topPositionLongPercent();
    };
  }

  Fetched<TakerVolume> takerVolume(
      CoinglassWire.TakerVolume w, Coin coin, Window range, Instant at) {
    RowReader rows = new RowReader("taker-buy-sell-volume/exchange-list");
    try {
      List<TakerVolume.Row> exchanges =
          rows.convert(
              w.exchangeList(),
              e ->
                  new TakerVolume.Row(
                      exchange(required(e.exchange(), "exchange")),
                      required(e.buyVolUsd(), "buy_vol_usd"),
                      required(e.sellVolUsd(), "sell_vol_usd")));
      TakerVolume volume =
          new TakerVolume(
              coin,
              range,
              required(w.buyVolUsd(), "buy_vol_usd"),
              required(w.sellVolUsd(), "sell_vol_usd"),
              exchanges,
              at);
      return rows.finish(volume, true, at);
    } catch (IllegalArgumentException e) {
      rows.reject(e.getMessage());
      return rows.finish(null, false, at);
    }
  }

  Fetched<List<WhaleAlert>> whaleAlerts(List<CoinglassWire.WhaleAlert> wire, Instant at) {
    RowReader rows = new RowReader("hyperliquid/whale-alert");
    List<WhaleAlert> alerts = rows.convert(wire, this::whaleAlert);
    return rows.finish(alerts, !alerts.isEmpty() || wire.isEmpty(), at);
  }

  private WhaleAlert whaleAlert(CoinglassWire.WhaleAlert w) {
    Instrument instrument = hyperliquid(required(w.symbol(), "symbol"));
    double size = required(w.positionSize(), "position_size");
    int action = required(w.positionAction(), "position_action");
    return new WhaleAlert(
        required(w.user(), "user"),
        instrument.coin(),
        side(size),
        instrument.coinQuantity(Math.abs(size)),
        required(w.positionValueUsd(), "position_value_usd"),
        instrument.coinPrice(required(w.entryPrice(), "entry_price")),
        price(w.liqPrice(), instrument),
        switch (action) {
          case 1 -> WhaleAlert.Action.OPEN;
          case 2 -> WhaleAlert.Action.CLOSE;
          default -> throw new IllegalArgumentException("unknown position_action " + action);
        },
        Instant.ofEpochMilli(required(w.createTime(), "create_time")));
  }

  Fetched<List<WhalePosition>> whalePositions(List<CoinglassWire.WhalePosition> wire, Instant at) {
    RowReader rows = new RowReader("hyperliquid/whale-position");
    List<WhalePosition> positions = rows.convert(wire, this::whalePosition);
    return rows.finish(positions, !positions.isEmpty() || wire.isEmpty(), at);
  }

  private WhalePosition whalePosition(CoinglassWire.WhalePosition w) {
    Instrument instrument = hyperliquid(required(w.symbol(), "symbol"));
    double size = required(w.positionSize(), "position_size");
    return new WhalePosition(
        required(w.user(), "user"),
        instrument.coin(),
        side(size),
        instrument.coinQuantity(Math.abs(size)),
        required(w.positionValueUsd(), "position_value_usd"),
        instrument.coinPrice(required(w.entryPrice(), "entry_price")),
        price(w.markPrice(), instrument),
        price(w.liqPrice(), instrument),
        optional(w.leverage()),
        optional(w.marginBalance()),
        optional(w.unrealizedPnl()),
        optional(w.fundingFee()),
        marginMode(w.marginMode()),
        time(w.createTime()),
        time(w.updateTime()));
  }

  Fetched<List<RsiValues>> rsi(List<CoinglassWire.CoinRsi> wire, Instant at) {
    RowReader rows = new RowReader("rsi/list");
    List<RsiValues> values = rows.convert(wire, w -> rsiValues(w, at));
    return rows.finish(values, !values.isEmpty() || wire.isEmpty(), at);
  }

  private static RsiValues rsiValues(CoinglassWire.CoinRsi w, Instant at) {
    return new RsiValues(
        new Coin(required(w.symbol(), "symbol")),
        new ByWindow.Builder()
            .put(Window.M15, w.rsi15m())
            .put(Window.H1, w.rsi1h())
            .put(Window.H4, w.rsi4h())
            .put(Window.H12, w.rsi12h())
            .put(Window.H24, w.rsi24h())
            .put(Window.W1, w.rsi1w())
            .build(),
        new ByWindow.Builder()
            .put(Window.M15, w.priceChangePercent15m())
            .put(Window.H1, w.priceChangePercent1h())
            .put(Window.H4, w.priceChangePercent4h())
            .put(Window.H12, w.priceChangePercent12h())
            .put(Window.H24, w.priceChangePercent24h())
            .put(Window.W1, w.priceChangePercent1w())
            .build(),
        optional(w.currentPrice()),
        at);
  }

  private Instrument hyperliquid(String name) {
    return instruments
        .byName(Venue.HYPERLIQUID, name)
        .orElseThrow(() -> new IllegalArgumentException("unknown Hyperliquid coin " + name));
  }

  private static PositionSide side(double size) {
    if (size == 0 || !Double.isFinite(size)) {
      throw new IllegalArgumentException("position_size has no sign: " + size);
    }
    return size > 0 ? PositionSide.LONG : PositionSide.SHORT;
  }

  private static OptionalDouble price(Double value, Instrument instrument) {
    return value == null || value <= 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(instrument.coinPrice(value));
  }

  private static Optional<WhalePosition.MarginMode> marginMode(String mode) {
    if (mode == null) {
      return Optional.empty();
    }
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "cross" -> Optional.of(WhalePosition.MarginMode.CROSS);
      case "isolated" -> Optional.of(WhalePosition.MarginMode.ISOLATED);
      default -> Optional.empty();
    };
  }

  private static Exchange exchange(String name) {
    return name.strip().equalsIgnoreCase("All") ? Exchange.ALL : Exchange.of(name);
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  private static OptionalDouble fraction(Double percent) {
    return percent == null ? OptionalDouble.empty() : OptionalDouble.of(percent / PERCENT);
  }

  private static Optional<Instant> time(Long epochMillis) {
    return epochMillis == null || epochMillis <= 0
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(epochMillis));
  }
}
