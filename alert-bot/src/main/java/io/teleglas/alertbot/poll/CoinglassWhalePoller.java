package io.teleglas.alertbot.poll;

import io.teleglas.alertbot.config.SourceId;
import io.teleglas.core.coinglass.CoinglassClient;
import io.teleglas.core.coinglass.WhaleAlert;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.market.Venue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Polls CoinGlass's Hyperliquid whale alerts ({@code /api/hyperliquid/whale-alert}, Startup plan
 * and up, market-apis.md §A.6.12): positions over $1M opened or closed, about 200 newest, one
 * request per poll ({@link #DEFAULT_INTERVAL}: 3 a minute).
 *
 * <p>Each alert becomes a {@link Trade} on Hyperliquid for the whale rules, because what moved the
 * market is the flow: opening a long or closing a short bought, opening a short or closing a long
 * sold. The quantity is the position in coins and the USD value CoinGlass's {@code
 * position_value_usd}; the price is their ratio, not {@code entry_price}, which for a close is not
 * the price the position was closed at. The trade id is {@code whale:<user>:<open|close>:<ms>}: the
 * action is part of it because flipping a position closes one and opens another at the same time.
 * Caveats: the position may have been filled by several orders and not all as taker; if the
 * Hyperliquid trade stream is up the same flow may also arrive as its individual fills; and
 * CoinGlass calls {@code create_time} the "entry time", which for a close may be when the position
 * was opened. Events are offered as source {@code coinglass}.
 */
public final class CoinglassWhalePoller implements Poller {

  /** Whale moves are rarer than liquidations and CoinGlass keeps ~200 of them. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(20);

  private final PollLoop loop;

  public CoinglassWhalePoller(
      CoinglassClient client,
      InstrumentCatalog instruments,
      Duration interval,
      PollContext context) {
    Objects.requireNonNull(client, "client is null");
    Objects.requireNonNull(instruments, "instruments is null");
    this.loop =
        new PollLoop(
            "CoinGlass Hyperliquid whale alerts",
            SourceId.COINGLASS.id(),
            interval,
            context,
            () ->
                client
                    .whaleAlerts()
                    .thenApply(
                        f ->
                            List.of(
                                PollLoop.events(
                                    f.map(
                                        alerts ->
                                            alerts.stream()
                                                .map(a -> trade(a, instruments))
                                                .toList())))));
  }

  /** The whale alert as the trade flow it stands for (see the class comment). */
  static Trade trade(WhaleAlert alert, InstrumentCatalog instruments) {
    boolean buys =
        (alert.action() == WhaleAlert.Action.OPEN) == (alert.side() == PositionSide.LONG);
    return new Trade(
        Exchange.HYPERLIQUID,
        alert.coin(),
        instruments.instrument(alert.coin(), Venue.HYPERLIQUID).name(),
        buys ? TakerSide.BUY : TakerSide.SELL,
        alert.notionalUsd() / alert.size(),
        alert.size(),
        alert.notionalUsd(),
        alert.time(),
        "whale:"
            + alert.user()
            + ":"
            + alert.action().name().toLowerCase(Locale.ROOT)
            + ":"
            + alert.time().toEpochMilli());
  }

  @Override
  public String name() {
    return loop.name();
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop();
  }

  @Override
  public PollerSnapshot snapshot() {
    return loop.snapshot();
  }
}
