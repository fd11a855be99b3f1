package io.teleglas.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.source.binance.BinanceProtocol;
import io.teleglas.alertbot.source.bybit.BybitProtocol;
import io.teleglas.alertbot.source.coinglass.CoinglassProtocol;
import io.teleglas.alertbot.source.hyperliquid.HyperliquidProtocol;
import io.teleglas.alertbot.source.okx.OkxProtocol;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.StreamProtocol;
import io.teleglas.core.config.Secret;
import io.teleglas.core.market.InstrumentCatalog;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one documented frame per venue and stream, on the socket reader's path: {@link #decode}
 * is JSON parse plus normalization into {@code Liquidation}/{@code Trade} (instrument lookup, USD
 * value, side); {@link #parseOnly} is the Jackson tree parse of the same frame, the part no decoder
 * can avoid, so {@code decode - parseOnly} is the cost of normalization and validation.
 *
 * <p>Setup refuses a frame that does not decode to market data, so a broken fixture cannot turn the
 * benchmark into a measurement of the error path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx64m", "-XX:+UseSerialGC"})
public class DecodeBenchmark {

  @Param({
    "binance-liquidation",
    "binance-trade",
    "bybit-liquidation",
    "bybit-trade",
    "okx-liquidation",
    "okx-trade",
    "hyperliquid-trade",
    "coinglass-liquidation",
    "coinglass-trade"
  })
  public String frame;

  private final ObjectMapper mapper = new ObjectMapper();
  private final Instant receivedAt = Instant.parse("2026-01-01T00:00:00Z");
  private StreamProtocol protocol;
  private String text;

  @Setup
  public void setUp() {
    text = Frames.named(frame);
    protocol = protocolFor(frame.substring(0, frame.indexOf('-')), mapper);
    Decoded decoded = protocol.decode(text, receivedAt);
    if (decoded.kind() != Decoded.Kind.DATA
        || decoded.events().isEmpty()
        || decoded.error().isPresent()) {
      throw new IllegalStateException(frame + " does not decode to market data: " + decoded);
    }
  }

  static StreamProtocol protocolFor(String venue, ObjectMapper mapper) {
    InstrumentCatalog catalog = InstrumentCatalog.bundled();
    return switch (venue) {
      case "binance" -> new BinanceProtocol(catalog, mapper);
      case "bybit" -> new BybitProtocol(catalog, mapper);
      // Contract values as OKX's instruments endpoint lists them (ctVal, coins per contract).
      case "okx" ->
          new OkxProtocol(Map.of("BTC-USDT-SWAP", 0.01, "IOST-USDT-SWAP", 1000.0), catalog, mapper);
      case "hyperliquid" -> new HyperliquidProtocol(catalog, mapper);
      case "coinglass" -> new CoinglassProtocol(Secret.of("bench-key"), catalog, mapper);
      default -> throw new IllegalArgumentException("unknown venue " + venue);
    };
  }

  @Benchmark
  public Decoded decode() {
    return protocol.decode(text, receivedAt);
  }

  @Benchmark
  public JsonNode parseOnly() throws JsonProcessingException {
    return mapper.readTree(text);
  }
}
