package io.teleglas.alertbot.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertEngine;
import io.teleglas.alertbot.alert.AlertSink;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.config.SourceId;
import io.teleglas.alertbot.source.binance.BinanceProtocol;
import io.teleglas.alertbot.source.bybit.BybitProtocol;
import io.teleglas.alertbot.source.coinglass.CoinglassProtocol;
import io.teleglas.alertbot.source.hyperliquid.HyperliquidProtocol;
import io.teleglas.alertbot.source.okx.OkxProtocol;
import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.StreamProtocol;
import io.teleglas.core.config.Secret;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.MarketEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replays a recording of raw venue frames (JSON lines, format in docs/replay.md) through the real
 * decoders and the real {@link AlertEngine}, in event time: engine time follows each frame's
 * recorded {@code at}, and at the end it is advanced past the last window so that open storms
 * resolve. Nothing sleeps except the optional pacing; nothing touches the network.
 *
 * <p>Not thread-safe: one replay per instance.
 */
public final class Replayer {

  /** The key of the optional line that gives OKX contract values ({@code ctVal} per instId). */
  public static final String OKX_CONTRACT_VALUES = "okxContractValues";

  /** Only decodes frames; a replay never connects, so the key is never sent anywhere. */
  private static final Secret PLACEHOLDER_KEY = Secret.of("replay-placeholder-key");

  private static final Duration MAX_PACING_GAP = Duration.ofMillis(200);

  /** A line that was skipped, or a frame some of whose items were dropped. */
  public record BadLine(int lineNumber, String reason) {
    @Override
    public String toString() {
      return "line " + lineNumber + ": " + reason;
    }
  }

  /** What a replay did. */
  public record Summary(int frames, int events, int alerts, List<BadLine> badLines) {
    public Summary {
      badLines = List.copyOf(badLines);
    }

    /** One line for the end of the output. */
    public String line() {
      return String.format(
          java.util.Locale.ROOT,
          "replay finished: %d frame%s, %d event%s, %d alert%s, %d bad line%s",
          frames,
          frames == 1 ? "" : "s",
          events,
          events == 1 ? "" : "s",
          alerts,
          alerts == 1 ? "" : "s",
          badLines.size(),
          badLines.size() == 1 ? "" : "s");
    }
  }

  private final Thresholds thresholds;
  private final ObjectMapper mapper;
  private final InstrumentCatalog instruments;
  private final double speedup;
  private final Map<SourceId, StreamProtocol> protocols = new EnumMap<>(SourceId.class);
  private final Map<String, Double> okxContractValues = new HashMap<>();

  /**
   * @param speedup how much faster than recorded time to replay; 0 (or less) replays without any
   *     pause. Each pause is capped at 200 ms, so a long quiet gap never stalls the replay.
   */
  public Replayer(
      Thresholds thresholds, ObjectMapper mapper, InstrumentCatalog instruments, double speedup) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
    this.mapper = Objects.requireNonNull(mapper, "mapper is null");
    this.instruments = Objects.requireNonNull(instruments, "instruments is null");
    this.speedup = speedup;
    protocols.put(SourceId.BINANCE, new BinanceProtocol(instruments, mapper));
    protocols.put(SourceId.BYBIT, new BybitProtocol(instruments, mapper));
    protocols.put(SourceId.HYPERLIQUID, new HyperliquidProtocol(instruments, mapper));
    protocols.put(SourceId.COINGLASS, new CoinglassProtocol(PLACEHOLDER_KEY, instruments, mapper));
    protocols.put(SourceId.OKX, new OkxProtocol(Map.of(), instruments, mapper));
  }

  /**
   * Replays {@code input} to the end: every alert goes to {@code alerts} as it is raised, every bad
   * line to {@code badLines} as it is found.
   *
   * @throws IOException only when {@code input} itself cannot be read
   */
  public Summary replay(Reader input, Consumer<Alert> alerts, Consumer<BadLine> badLines)
      throws IOException {
    int[] alertCount = {0};
    AlertSink sink =
        alert -> {
          alertCount[0]++;
          alerts.accept(alert);
        };
    AlertEngine engine = AlertEngine.withBuiltInRules(thresholds, sink);
    List<BadLine> bad = new ArrayList<>();
    Consumer<BadLine> report =
        b -> {
          bad.add(b);
          badLines.accept(b);
        };
    int frames = 0;
    int events = 0;
    Instant last = null;
    BufferedReader reader = input instanceof BufferedReader b ? b : new BufferedReader(input);
    Iterator<String> lines = reader.lines().iterator();
    int lineNumber = 0;
    try {
      while (lines.hasNext()) {
        String line = lines.next();
        lineNumber++;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        Optional<Frame> parsed = parse(text, lineNumber, report);
        if (parsed.isEmpty()) {
          continue;
        }
        Frame frame = parsed.get();
        if (last != null) {
          pace(last, frame.at());
        }
        frames++;
        engine.advanceTo(frame.at());
        Decoded decoded = protocols.get(frame.source()).decode(frame.text(), frame.at());
        switch (decoded.kind()) {
          case INVALID, REJECTED ->
              report.accept(
                  new BadLine(
                      lineNumber,
                      "undecodable "
                          + frame.source().id()
                          + " frame: "
                          + decoded.error().orElse(decoded.kind().name())));
          case CONTROL -> {}
          case DATA -> {
            if (decoded.dropped() > 0) {
              report.accept(
                  new BadLine(
                      lineNumber,
                      decoded.dropped()
                          + " item(s) of the "
                          + frame.source().id()
                          + " frame dropped: "
                          + decoded.error().orElse("unreadable")));
            }
            for (MarketEvent event : decoded.events()) {
              events++;
              engine.onEvent(event);
            }
          }
          default -> throw new IllegalStateException("unknown frame kind " + decoded.kind());
        }
        last = last == null || frame.at().isAfter(last) ? frame.at() : last;
      }
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    if (last != null) {
      // Past every window, pending update and group wait: every open group resolves.
      engine.advanceTo(last.plus(thresholds.settleTime()));
    }
    return new Summary(frames, events, alertCount[0], bad);
  }

  private record Frame(Instant at, SourceId source, String text) {}

  private Optional<Frame> parse(String text, int lineNumber, Consumer<BadLine> report) {
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (IOException e) {
      report.accept(new BadLine(lineNumber, "not JSON: " + firstLine(e.getMessage())));
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      report.accept(new BadLine(lineNumber, "not a JSON object"));
      return Optional.empty();
    }
    if (root.has(OKX_CONTRACT_VALUES)) {
      contractValues(root.get(OKX_CONTRACT_VALUES), lineNumber, report);
      return Optional.empty();
    }
    JsonNode at = root.get("at");
    if (at == null || !at.canConvertToLong() || !at.isIntegralNumber() || at.asLong() <= 0) {
      report.accept(new BadLine(lineNumber, "\"at\" must be a positive epoch-millisecond number"));
      return Optional.empty();
    }
    JsonNode source = root.get("source");
    Optional<SourceId> sourceId =
        source == null || !source.isTextual() ? Optional.empty() : SourceId.parse(source.asText());
    if (sourceId.isEmpty()) {
      report.accept(
          new BadLine(
              lineNumber,
              "\"source\" must be one of binance, bybit, okx, hyperliquid, coinglass; was "
                  + (source == null ? "missing" : source.toString())));
      return Optional.empty();
    }
    JsonNode frame = root.get("frame");
    if (frame == null || !frame.isTextual() || frame.asText().isBlank()) {
      report.accept(
          new BadLine(lineNumber, "\"frame\" must be the raw text frame, as a JSON string"));
      return Optional.empty();
    }
    return Optional.of(
        new Frame(Instant.ofEpochMilli(at.asLong()), sourceId.get(), frame.asText()));
  }

  private void contractValues(JsonNode values, int lineNumber, Consumer<BadLine> report) {
    if (values == null || !values.isObject()) {
      report.accept(
          new BadLine(lineNumber, OKX_CONTRACT_VALUES + " must map instId to ctVal numbers"));
      return;
    }
    Map<String, Double> read = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      double ctVal = field.getValue().isNumber() ? field.getValue().asDouble() : Double.NaN;
      if (!(ctVal > 0) || Double.isInfinite(ctVal)) {
        report.accept(
            new BadLine(
                lineNumber, "bad OKX contract value " + field.getKey() + "=" + field.getValue()));
        continue;
      }
      read.put(field.getKey(), ctVal);
    }
    okxContractValues.putAll(read);
    protocols.put(SourceId.OKX, new OkxProtocol(okxContractValues, instruments, mapper));
  }

  private void pace(Instant previous, Instant next) {
    if (!(speedup > 0) || !next.isAfter(previous)) {
      return;
    }
    long millis = Duration.between(previous, next).toMillis();
    long pause = Math.min(MAX_PACING_GAP.toMillis(), Math.round(millis / speedup));
    if (pause <= 0) {
      return;
    }
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    String first = nl < 0 ? message : message.substring(0, nl);
    return first.length() > 160 ? first.substring(0, 160) + "…" : first;
  }
}
