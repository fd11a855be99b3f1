package io.teleglas.bench.jmh;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic stream of normalized events for the engine and dedup benchmarks: trades and
 * liquidations over a few coins of each tier, one event per millisecond of event time, with a
 * seeded random so every run feeds the same sequence.
 */
final class SyntheticMarket {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] COINS = {"BTC", "ETH", "SOL", "DOGE", "XRP", "PEPE", "WIF", "ARB"};
  private static final double[] PRICES = {97_000, 3_000, 200, 0.3, 2.5, 0.00002, 2.0, 0.8};

  private SyntheticMarket() {}

  /**
   * {@code count} events of which {@code liquidationShare} are liquidations; trade notionals are
   * uniform in $1k..{@code maxTradeUsd} and liquidation notionals in $1k..{@code
   * maxLiquidationUsd}.
   */
  static List<MarketEvent> events(
      int count, double liquidationShare, double maxTradeUsd, double maxLiquidationUsd) {
    Random random = new Random(42);
    List<MarketEvent> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int c = random.nextInt(COINS.length);
      Coin coin = new Coin(COINS[c]);
      double price = PRICES[c];
      Instant time = START.plusMillis(i);
      String instrument = COINS[c] + "USDT";
      if (random.nextDouble() < liquidationShare) {
        double usd = 1_000 + random.nextDouble() * (maxLiquidationUsd - 1_000);
        PositionSide side = random.nextBoolean() ? PositionSide.LONG : PositionSide.SHORT;
        out.add(
            new Liquidation(
                Exchange.BINANCE, coin, instrument, side, price, usd / price, usd, time));
      } else {
        double usd = 1_000 + random.nextDouble() * (maxTradeUsd - 1_000);
        TakerSide side = random.nextBoolean() ? TakerSide.BUY : TakerSide.SELL;
        out.add(
            new Trade(
                Exchange.BINANCE,
                coin,
                instrument,
                side,
                price,
                usd / price,
                usd,
                time,
                Integer.toString(i)));
      }
    }
    return List.copyOf(out);
  }
}
