package io.teleglas.core.exchange.okx;

import static io.teleglas.core.exchange.Wire.instant;
import static io.teleglas.core.exchange.Wire.optional;
import static io.teleglas.core.exchange.Wire.parse;
import static io.teleglas.core.exchange.Wire.required;
import static io.teleglas.core.exchange.Wire.text;

import io.teleglas.core.exchange.Amounts;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.market.Trade;
import io.teleglas.core.market.Venue;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** OKX wire DTOs to domain records. */
final class OkxAdapter {
  private static final Exchange EXCHANGE = Exchange.OKX;

  private OkxAdapter() {}

  /**
   * The change is measured from {@code open24h}, the open of the rolling 24 hours. OKX gives SWAP
   * volume in coins ({@code volCcy24h}), not USD, so the USD volume is those coins valued at the
   * last price: an estimate that ignores how the price moved during the day.
   */
  static Ticker ticker(Instrument instrument, OkxWire.Ticker t) {
    double last = instrument.coinPrice(required(t.last(), "last"));
    OptionalDouble open = optional(t.open24h(), "open24h");
    OptionalDouble coins = optional(t.volCcy24h(), "volCcy24h");
    return new Ticker(
        EXCHANGE,
        instrument.coin(),
        last,
        open.isPresent() && open.getAsDouble() > 0
            ? OptionalDouble.of((last / instrument.coinPrice(open.getAsDouble()) - 1) * 100)
            : OptionalDouble.empty(),
        Amounts.coinPrice(instrument, optional(t.high24h(), "high24h")),
        Amounts.coinPrice(instrument, optional(t.low24h(), "low24h")),
        coins.isPresent() ? OptionalDouble.of(coins.getAsDouble() * last) : coins,
        instant(t.ts(), "ts"));
  }

  /** The next settlement is {@code fundingTime}; the one after it fixes the interval. */
  static FundingRate funding(Instrument instrument, OkxWire.Funding f) {
    Instant settlement = instant(f.fundingTime(), "fundingTime");
    Instant following = instant(f.nextFundingTime(), "nextFundingTime");
    Duration interval = Duration.between(settlement, following);
    if (interval.isNegative() || interval.isZero()) {
      throw new WireFormatException("nextFundingTime is not after fundingTime");
    }
    return new FundingRate(
        EXCHANGE,
        instrument.coin(),
        required(f.fundingRate(), "fundingRate"),
        interval,
        Optional.of(settlement),
        instant(f.ts(), "ts"));
  }

  /** OKX states open interest in USD ({@code oiUsd}) and in coins ({@code oiCcy}). */
  static OpenInterest openInterest(Instrument instrument, OkxWire.OpenInterest oi) {
    return new OpenInterest(
        EXCHANGE,
        instrument.coin(),
        required(oi.oiUsd(), "oiUsd"),
        optional(oi.oiCcy(), "oiCcy"),
        instant(oi.ts(), "ts"));
  }

  /**
   * Rows {@code [ts, ratio]} (accounts or position value long per short); a ratio r is a long share
   * of r/(1+r).
   */
  static LongShortRatio ratio(
      Instrument instrument, LongShortRatio.Kind kind, Duration period, List<List<String>> rows) {
    List<String> newest =
        rows.stream()
            .filter(row -> row != null && row.size() >= 2)
            .max(Comparator.comparingDouble(row -> parse(row.get(0), "ts")))
            .orElseThrow(() -> new WireFormatException("no long/short rows"));
    double ratio = parse(newest.get(1), "long/short ratio");
    if (ratio < 0) {
      throw new WireFormatException("negative long/short ratio " + ratio);
    }
    return new LongShortRatio(
        EXCHANGE,
        instrument.coin(),
        kind,
        ratio / (1 + ratio),
        period,
        Instant.ofEpochMilli((long) parse(newest.get(0), "ts")));
  }

  /**
   * Coins per contract, {@code ctVal × ctMult}, for a linear contract whose value is stated in the
   * coin itself; anything else (an inverse contract valued in USD) is refused, never guessed.
   */
  static double coinsPerContract(Instrument instrument, OkxWire.Instrument contract) {
    if (!"linear".equals(contract.ctType())
        || !instrument.coin().symbol().equals(contract.ctValCcy())) {
      throw new WireFormatException(
          "not a linear contract in " + instrument.coin().symbol() + ": " + contract);
    }
    double size = required(contract.ctVal(), "ctVal") * required(contract.ctMult(), "ctMult");
    if (!(size > 0)) {
      throw new WireFormatException("contract size is not positive: " + contract);
    }
    return size;
  }

  /**
   * Coins per contract of every linear USDT swap among {@code rows}, by {@code instId}. A row is
   * left out, never guessed, when its name is not {@code <COIN>-USDT-SWAP} (inverse {@code
   * BTC-USD-SWAP}, USDC-margined swaps) or {@link #coinsPerContract} refuses it (inverse, valued in
   * another currency, size missing).
   *
   * @throws WireFormatException when no row is usable, since OKX always lists linear USDT swaps
   */
  static Map<String, Double> contractValues(List<OkxWire.Instrument> rows) {
    Map<String, Double> values = new HashMap<>();
    for (OkxWire.Instrument row : rows) {
      if (row == null || row.instId() == null) {
        continue;
      }
      Optional<Coin> coin = Venue.OKX.perpetualCoin(row.instId());
      if (coin.isEmpty()) {
        continue;
      }
      try {
        values.putIfAbsent(
            row.instId(), coinsPerContract(Instrument.perpetual(Venue.OKX, coin.get()), row));
      } catch (WireFormatException e) {
        // Left out: a swap we cannot size is dropped by the stream decoder, not valued at 1.
      }
    }
    if (values.isEmpty()) {
      throw new WireFormatException("no linear USDT swap among " + rows.size() + " instruments");
    }
    return Map.copyOf(values);
  }

  /** Trades worth at least {@code minUsd}, newest first; sizes are contracts. */
  static List<Trade> largeTrades(
      Instrument instrument, double coinsPerContract, List<OkxWire.Trade> rows, double minUsd) {
    return rows.stream()
        .map(r -> trade(instrument, coinsPerContract, r))
        .filter(t -> t.usdValue() >= minUsd)
        .sorted(Comparator.comparing(Trade::time).reversed())
        .toList();
  }

  private static Trade trade(Instrument instrument, double coinsPerContract, OkxWire.Trade r) {
    double price = instrument.coinPrice(required(r.px(), "px"));
    double coins = instrument.coinQuantity(required(r.sz(), "sz") * coinsPerContract);
    return new Trade(
        EXCHANGE,
        instrument.coin(),
        instrument.name(),
        switch (text(r.side(), "side")) {
          case "buy" -> TakerSide.BUY;
          case "sell" -> TakerSide.SELL;
          default -> throw new WireFormatException("unknown side " + r.side());
        },
        price,
        coins,
        price * coins,
        instant(r.ts(), "ts"),
        text(r.tradeId(), "tradeId"));
  }
}
