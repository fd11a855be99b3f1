package io.teleglas.alertbot.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.exchange.ExchangeClient;
import io.teleglas.core.exchange.binance.BinanceFuturesClient;
import io.teleglas.core.exchange.bybit.BybitClient;
import io.teleglas.core.exchange.hyperliquid.HyperliquidClient;
import io.teleglas.core.exchange.okx.OkxClient;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.UpstreamMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * Funding and open interest from the exchanges' own keyless APIs, one funding rate and one open
 * interest figure per venue, for when no CoinGlass key is configured. A venue that fails is left
 * out of the reading; the others still count. Thread-safe.
 */
public final class VenueMarketSource implements MarketSource {

  /**
   * The source name of its readings: the same whichever venues answered, so that open interest from
   * a poll where one venue failed is still compared with the polls before it.
   */
  public static final String NAME = "exchange APIs";

  private final List<ExchangeClient> venues;
  private final Duration deadline;

  /**
   * @param venues the venues to ask, not empty
   * @param deadline how long to wait for each answer before leaving it out of the reading
   */
  public VenueMarketSource(List<ExchangeClient> venues, Duration deadline) {
    this.venues = List.copyOf(venues);
    if (this.venues.isEmpty()) {
      throw new IllegalArgumentException("venues is empty");
    }
    this.deadline = Answers.positive(deadline);
  }

  /**
   * The Binance, Bybit, OKX and Hyperliquid clients on the configured REST bases ({@code
   * BINANCE_FAPI_URL} and the others). They own nothing: {@code http} stays the caller's.
   */
  public static List<ExchangeClient> keylessClients(
      CommonConfig config,
      OkHttpClient http,
      ObjectMapper mapper,
      Clock clock,
      UpstreamMeter meter,
      InstrumentCatalog catalog) {
    return List.of(
        new BinanceFuturesClient(config.binanceFapiUrl(), http, mapper, clock, meter, catalog),
        new BybitClient(config.bybitApiUrl(), http, mapper, clock, meter, catalog),
        new OkxClient(config.okxApiUrl(), http, mapper, clock, meter, catalog),
        new HyperliquidClient(config.hyperliquidApiUrl(), http, mapper, clock, meter, catalog));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Collected> read(Coin coin, Instant at) {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(at, "at is null");
    List<CompletableFuture<Fetched<FundingRate>>> funding = new ArrayList<>();
    List<CompletableFuture<Fetched<OpenInterest>>> openInterest = new ArrayList<>();
    for (ExchangeClient venue : venues) {
      String name = venue.venue().exchange().name();
      funding.add(Answers.within(venue.funding(coin), deadline, name));
      openInterest.add(Answers.within(venue.openInterest(coin), deadline, name));
    }
    List<CompletableFuture<?>> all = new ArrayList<>(funding);
    all.addAll(openInterest);
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<Collected.Miss> misses = new ArrayList<>();
              List<FundingRate> rates = new ArrayList<>();
              List<OpenInterest> rows = new ArrayList<>();
              for (int i = 0; i < venues.size(); i++) {
                String tag = tag(venues.get(i));
                collect(funding.get(i).join(), rates, misses, tag, "funding");
                collect(openInterest.get(i).join(), rows, misses, tag, "open interest");
              }
              return new Collected(
                  coin,
                  NAME,
                  at,
                  Collected.distinctFunding(coin, rates),
                  Collected.distinctOpenInterest(coin, rows),
                  misses);
            });
  }

  private static <T> void collect(
      Fetched<T> answer, List<T> into, List<Collected.Miss> misses, String tag, String figure) {
    if (answer instanceof Fetched.Value<T> v) {
      into.add(v.value());
    } else {
      Fetched.Unavailable<T> u = (Fetched.Unavailable<T>) answer;
      misses.add(new Collected.Miss(tag, figure, u.reason() + ": " + u.detail()));
    }
  }

  /** {@code binance}: the venue as {@code ALERT_SOURCES} names it, the metric tag. */
  private static String tag(ExchangeClient venue) {
    return venue.venue().exchange().name().toLowerCase(Locale.ROOT);
  }
}
