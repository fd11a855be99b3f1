package io.teleglas.core.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.teleglas.core.exchange.Fetches;
import io.teleglas.core.exchange.VenueHttp;
import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.upstream.FetchCache;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.UpstreamMeter;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * How many coins one contract of each OKX linear USDT perpetual swap is ({@code ctVal × ctMult}, by
 * {@code instId} such as {@code BTC-USDT-SWAP} → 0.01), read from one keyless {@code GET
 * /api/v5/public/instruments?instType=SWAP} (market-apis §C.3, §D.3). OKX states swap sizes in
 * contracts on every channel and endpoint, so this table is what turns them into coins: the alert
 * bot builds its OKX stream decoder from it at startup.
 *
 * <p>Only swaps named {@code <COIN>-USDT-SWAP} whose contract is linear and valued in that coin are
 * listed. Inverse swaps (valued in USD), USDC-margined swaps and rows without a positive size are
 * left out, never guessed; a caller that meets a swap missing from the table must drop its events.
 * An answer without a single usable row is {@code UPSTREAM_ERROR}.
 *
 * <p>The table is cached for {@link OkxEndpoints#CONTRACT_TTL} (contract sizes change only when OKX
 * re-lists a contract), measured on the injected clock; a failure is retried after a few seconds.
 * Thread-safe; the future always completes normally, on OkHttp's threads or the caller's for a
 * cached table. Holds no resources: the OkHttpClient belongs to the caller.
 */
public final class OkxContracts {
  private static final String ALL = "SWAP";

  private final OkxEndpoints endpoints;
  private final FetchCache<String, Map<String, Double>> cache;

  /**
   * @param baseUri {@code OKX_API_URL}, normally {@code https://www.okx.com}
   */
  public OkxContracts(
      URI baseUri, OkHttpClient http, ObjectMapper mapper, Clock clock, UpstreamMeter meter) {
    HttpUrl base = HttpUrl.get(Objects.requireNonNull(baseUri, "baseUri is null").toString());
    Objects.requireNonNull(clock, "clock is null");
    this.endpoints =
        new OkxEndpoints(
            base, new VenueHttp(OkxClient.SOURCE, http, mapper, clock, meter, new OkxErrors()));
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.cache = new FetchCache<>(OkxEndpoints.CONTRACT_TTL, 1, ticker);
  }

  /** Coins per contract by {@code instId}, for every linear USDT swap OKX lists. */
  public CompletableFuture<Fetched<Map<String, Double>>> contractValues() {
    return Fetches.guarded(
        cache.get(
            ALL,
            k ->
                endpoints
                    .swapInstruments()
                    .thenApply(
                        f ->
                            Fetches.map(f, envelope -> OkxAdapter.contractValues(rows(envelope))))),
        OkxClient.SOURCE);
  }

  private static List<OkxWire.Instrument> rows(OkxWire.Envelope<OkxWire.Instrument> envelope) {
    if (envelope.data() == null) {
      throw new WireFormatException("missing data");
    }
    return envelope.data();
  }
}
