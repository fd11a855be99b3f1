package io.teleglas.core.exchange.binance;

import static io.teleglas.core.exchange.Wire.instant;
import static io.teleglas.core.exchange.Wire.optional;
import static io.teleglas.core.exchange.Wire.required;

import io.teleglas.core.exchange.Amounts;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.market.Trade;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Binance wire DTOs to domain records. Prices are converted from the instrument's quote (per 1000
 * coins for {@code 1000PEPEUSDT}) to USD per coin, quantities to coins.
 */
final class BinanceAdapter {
  private static final Exchange EXCHANGE = Exchange.BINANCE;

  private BinanceAdapter() {}

  static Ticker ticker(Instrument instrument, BinanceWire.Ticker24h t) {
    return new Ticker(
        EXCHANGE,
        instrument.coin(),
        instrument.coinPrice(required(t.lastPrice(), "lastPrice")),
        optional(t.priceChangePercent(), "priceChangePercent"),
        Amounts.coinPrice(instrument, optional(t.highPrice(), "highPrice")),
        Amounts.coinPrice(instrument, optional(t.lowPrice(), "lowPrice")),
        optional(t.quoteVolume(), "quoteVolume"),
        instant(t.closeTime(), "closeTime"));
  }

  /**
   * The funding interval {@code fundingInfo} gives the symbol; empty when it is not listed there
   * (Binance lists only symbols whose funding settings were adjusted).
   */
  static Optional<Duration> listedInterval(String symbol, List<BinanceWire.FundingInfo> info) {
    return info.stream()
        .filter(row -> symbol.equals(row.symbol()) && row.fundingIntervalHours() != null)
        .findFirst()
        .map(row -> Duration.ofHours(row.fundingIntervalHours()));
  }

  /**
   * The time between the two latest settlements of the funding history; empty when the history has
   * fewer than two.
   */
  static Optional<Duration> settledInterval(List<BinanceWire.FundingRateRow> history) {
    if (history.size() < 2) {
      return Optional.empty();
    }
    Instant previous = instant(history.get(history.size() - 2).fundingTime(), "fundingTime");
    Instant last = instant(history.get(history.size() - 1).fundingTime(), "fundingTime");
    // settlement stamps carry a few milliseconds of jitter; intervals are whole minutes
    long minutes = Math.round(Duration.between(previous, last).toMillis() / 60_000.0);
    if (minutes <= 0) {
      throw new WireFormatException("funding history is not in time order");
    }
    return Optional.of(Duration.ofMinutes(minutes));
  }

  static FundingRate funding(Instrument instrument, BinanceWire.PremiumIndex p, Duration interval) {
    Long next = p.nextFundingTime();
    return new FundingRate(
        EXCHANGE,
        instrument.coin(),
        required(p.lastFundingRate(), "lastFundingRate"),
        interval,
        next == null || next <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next)),
        instant(p.time(), "time"));
  }

  /** Open interest: Binance gives contracts in the instrument's units, valued at mark price. */
  static OpenInterest openInterest(
      Instrument instrument, BinanceWire.OpenInterest oi, BinanceWire.PremiumIndex p) {
    double quantity = required(oi.openInterest(), "openInterest");
    double mark = required(p.markPrice(), "markPrice");
    return new OpenInterest(
        EXCHANGE,
        instrument.coin(),
        quantity * mark,
        OptionalDouble.of(instrument.coinQuantity(quantity)),
        instant(oi.time(), "time"));
  }

  static List<OpenInterest> openInterestHistory(
      Instrument instrument, List<BinanceWire.OpenInterestHist> rows) {
    return rows.stream()
        .map(
            r ->
                new OpenInterest(
                    EXCHANGE,
                    instrument.coin(),
                    required(r.sumOpenInterestValue(), "sumOpenInterestValue"),
                    OptionalDouble.of(
                        instrument.coinQuantity(required(r.sumOpenInterest(), "sumOpenInterest"))),
                    instant(r.timestamp(), "timestamp")))
        .sorted(Comparator.comparing(OpenInterest::time))
        .toList();
  }

  /** The newest row; {@code longAccount} is the long fraction (0.6622 = 66.22 % long). */
  static LongShortRatio ratio(
      Instrument instrument,
      LongShortRatio.Kind kind,
      Duration period,
      List<BinanceWire.Ratio> rows) {
    BinanceWire.Ratio newest =
        rows.stream()
            .max(Comparator.comparing(r -> instant(r.timestamp(), "timestamp")))
            .orElseThrow(() -> new WireFormatException("no long/short rows"));
    return new LongShortRatio(
        EXCHANGE,
        instrument.coin(),
        kind,
        required(newest.longAccount(), "longAccount"),
        period,
        instant(newest.timestamp(), "timestamp"));
  }

  /** Trades worth at least {@code minUsd}, newest first; {@code m=true} means the taker sold. */
  static List<Trade> largeTrades(
      Instrument instrument, List<BinanceWire.AggTrade> rows, double minUsd) {
    return rows.stream()
        .map(r -> trade(instrument, r))
        .filter(t -> t.usdValue() >= minUsd)
        .sorted(Comparator.comparing(Trade::time).reversed())
        .toList();
  }

  private static Trade trade(Instrument instrument, BinanceWire.AggTrade r) {
    if (r.buyerIsMaker() == null || r.id() == null) {
      throw new WireFormatException("aggTrade without m or a");
    }
    double price = required(r.price(), "p");
    double quantity = required(r.quantity(), "q");
    return new Trade(
        EXCHANGE,
        instrument.coin(),
        instrument.name(),
        r.buyerIsMaker() ? TakerSide.SELL : TakerSide.BUY,
        instrument.coinPrice(price),
        instrument.coinQuantity(quantity),
        price * quantity,
        instant(r.time(), "T"),
        Long.toString(r.id()));
  }
}
