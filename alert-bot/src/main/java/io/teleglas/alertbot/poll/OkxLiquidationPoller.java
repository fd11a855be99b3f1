package io.teleglas.alertbot.poll;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.teleglas.alertbot.config.SourceId;
import io.teleglas.alertbot.source.okx.OkxProtocol;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.LogThrottle;
import io.teleglas.core.exchange.Failures;
import io.teleglas.core.exchange.Fetches;
import io.teleglas.core.exchange.VenueHttp;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.upstream.Fetched;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls OKX's keyless liquidation orders, {@code GET
 * /api/v5/public/liquidation-orders?instType=SWAP&state=filled&instFamily=<COIN>-USDT}, one request
 * per configured coin (market-apis.md §D.3; OKX answers code 50015 without {@code uly} or {@code
 * instFamily}). The answer has the shape of the {@code liquidation-orders} channel, so it is
 * decoded by the stream's {@link OkxProtocol#liquidations}: sizes in contracts times the {@code
 * ctVal} the protocol was built with (from {@code OkxContracts}), the position side from {@code
 * posSide} or, in net mode, the order side (§E), USD = sz × ctVal × bkPx. A liquidation seen on the
 * stream thus has the same de-duplication key when polled.
 *
 * <p>Rate: the endpoint's limit is not in our reference; OKX's other public data endpoints allow 10
 * to 20 requests per 2 s per IP (§D.3). The default, six coins every {@link #DEFAULT_INTERVAL}, is
 * 0.6 a second. Events are offered as source {@code okx}.
 */
public final class OkxLiquidationPoller implements Poller {

  /** Liquidation alerts ten seconds late are still timely, and the requests are free. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  private static final String PATH = "api/v5/public/liquidation-orders";
  private static final TypeReference<JsonNode> JSON = new TypeReference<>() {};
  private static final Logger log = LoggerFactory.getLogger(OkxLiquidationPoller.class);

  private final HttpUrl base;
  private final VenueHttp okx;
  private final OkxProtocol decoder;
  private final LogThrottle dropLog;
  private final PollLoop loop;

  /**
   * @param baseUri {@code OKX_API_URL}, normally {@code https://www.okx.com}
   * @param okx OKX's HTTP calls, built with {@code OkxErrors}
   * @param decoder the OKX stream protocol, built with the contract values of {@code OkxContracts}
   */
  public OkxLiquidationPoller(
      URI baseUri,
      VenueHttp okx,
      OkxProtocol decoder,
      List<Coin> coins,
      Duration interval,
      PollContext context) {
    this.base = HttpUrl.get(Objects.requireNonNull(baseUri, "baseUri is null").toString());
    this.okx = Objects.requireNonNull(okx, "okx is null");
    this.decoder = Objects.requireNonNull(decoder, "decoder is null");
    List<Coin> watched = List.copyOf(coins);
    if (watched.isEmpty()) {
      throw new IllegalArgumentException("need at least one coin");
    }
    Clock clock = Objects.requireNonNull(context, "context is null").clock();
    this.dropLog = new LogThrottle(clock, Duration.ofMinutes(5));
    this.loop =
        new PollLoop(
            "OKX liquidation orders ("
                + watched.stream().map(Coin::symbol).collect(Collectors.joining(", "))
                + ")",
            SourceId.OKX.id(),
            interval,
            context,
            () -> PollLoop.all(watched.stream().map(this::liquidations).toList()));
  }

  private CompletableFuture<Fetched<List<MarketEvent>>> liquidations(Coin coin) {
    String family = coin.symbol() + "-USDT";
    HttpUrl url =
        base.newBuilder()
            .addPathSegments(PATH)
            .addQueryParameter("instType", "SWAP")
            .addQueryParameter("state", "filled")
            .addQueryParameter("instFamily", family)
            .build();
    return Fetches.guarded(
        okx.get("/" + PATH, family, url, JSON)
            .thenApply(f -> Fetches.flatMap(f, answer -> decode(answer, family))),
        okx.source());
  }

  private Fetched<List<MarketEvent>> decode(Fetched.Value<JsonNode> answer, String family) {
    Decoded decoded = decoder.liquidations(answer.value().get("data"));
    if (decoded.error().isPresent()) {
      dropLog.warn(log, "OKX " + family + " liquidations: " + decoded.error().get());
    }
    if (decoded.kind() == Decoded.Kind.INVALID) {
      return Failures.unreadable(answer.source());
    }
    return Fetched.value(decoded.events(), answer.source(), answer.asOf());
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
