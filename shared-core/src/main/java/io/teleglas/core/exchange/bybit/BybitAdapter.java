package io.teleglas.core.exchange.bybit;

import static io.teleglas.core.exchange.Wire.instant;
import static io.teleglas.core.exchange.Wire.optional;
import static io.teleglas.core.exchange.Wire.required;
import static io.teleglas.core.exchange.Wire.text;

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

/** Bybit wire DTOs to domain records, prices per coin and quantities in coins. */
final class BybitAdapter {
  private static final Exchange EXCHANGE = Exchange.BYBIT;

  private BybitAdapter() {}

  /** {@code price24hPcnt} is a fraction (0.008047 = +0.8047 %); turnover is in USDT. */
  static Ticker ticker(Instrument instrument, BybitWire.Ticker t, Instant time) {
    OptionalDouble change = optional(t.price24hPcnt(), "price24hPcnt");
    return new Ticker(
        EXCHANGE,
        instrument.coin(),
        instrument.coinPrice(required(t.lastPrice(), "lastPrice")),
        change.isPresent() ? OptionalDouble.of(change.getAsDouble() * 100) : change,
        Amounts.coinPrice(instrument, optional(t.highPrice24h(), "highPrice24h")),
        Amounts.coinPrice(instrument, optional(t.lowPrice24h(), "lowPrice24h")),
        optional(t.turnover24h(), "turnover24h"),
        time);
  }

  static FundingRate funding(Instrument instrument, BybitWire.Ticker t, Instant time) {
    Long hours = t.fundingIntervalHour();
    if (hours == null || hours <= 0) {
      throw new WireFormatException("missing fundingIntervalHour");
    }
    Long next = t.nextFundingTime();
    return new FundingRate(
        EXCHANGE,
        instrument.coin(),
        required(t.fundingRate(), "fundingRate"),
        Duration.ofHours(hours),
        next == null || next <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next)),
        time);
  }

  /** One side of the book, like Binance and OKX: the {@code single*} fields. */
  static OpenInterest openInterest(Instrument instrument, BybitWire.Ticker t, Instant time) {
    OptionalDouble contracts = optional(t.singleOpenInterest(), "singleOpenInterest");
    return new OpenInterest(
        EXCHANGE,
        instrument.coin(),
        required(t.singleOpenInterestValue(), "singleOpenInterestValue"),
        contracts.isPresent()
            ? OptionalDouble.of(instrument.coinQuantity(contracts.getAsDouble()))
            : contracts,
        time);
  }

  /** The newest row; {@code buyRatio} is the share of users net long. */
  static LongShortRatio accountRatio(
      Instrument instrument, Duration period, List<BybitWire.AccountRatio> rows) {
    BybitWire.AccountRatio newest =
        rows.stream()
            .max(Comparator.comparing(r -> instant(r.timestamp(), "timestamp")))
            .orElseThrow(() -> new WireFormatException("no account-ratio rows"));
    return new LongShortRatio(
        EXCHANGE,
        instrument.coin(),
        LongShortRatio.Kind.GLOBAL_ACCOUNTS,
        required(newest.buyRatio(), "buyRatio"),
        period,
        instant(newest.timestamp(), "timestamp"));
  }

  /** Trades worth at least {@code minUsd}, newest first. */
  static List<Trade> largeTrades(Instrument instrument, List<BybitWire.Trade> rows, double minUsd) {
    return rows.stream()
        .map(r -> trade(instrument, r))
        .filter(t -> t.usdValue() >= minUsd)
        .sorted(Comparator.comparing(Trade::time).reversed())
        .toList();
  }

  private static Trade trade(Instrument instrument, BybitWire.Trade r) {
    double price = required(r.price(), "price");
    double size = required(r.size(), "size");
    return new Trade(
        EXCHANGE,
        instrument.coin(),
        instrument.name(),
        side(r.side()),
        instrument.coinPrice(price),
        instrument.coinQuantity(size),
        price * size,
        instant(r.time(), "time"),
        text(r.execId(), "execId"));
  }

  private static TakerSide side(String side) {
    return switch (text(side, "side")) {
      case "Buy" -> TakerSide.BUY;
      case "Sell" -> TakerSide.SELL;
      default -> throw new WireFormatException("unknown side " + side);
    };
  }
}
