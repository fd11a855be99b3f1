package io.teleglas.core.upstream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records every upstream call (upstream, endpoint, outcome, latency) as Prometheus timers named
 * {@code teleglas_upstream_calls} and keeps what {@code /status} shows: the last result and latency
 * per upstream and the errors of the last hour. Thread-safe.
 */
public final class UpstreamMeter {
  /** How one call ended, for metrics: {@code ok} or the lower-case {@link Fetched.Reason}. */
  public static String outcome(Fetched<?> f) {
    return f instanceof Fetched.Unavailable<?> u
        ? u.reason().name().toLowerCase(java.util.Locale.ROOT)
        : "ok";
  }

  /** The state of one upstream as {@code /status} shows it. */
  public record UpstreamState(
      String upstream,
      Instant lastCall,
      boolean lastOk,
      Duration lastLatency,
      int errorsLastHour) {}

  private static final Duration WINDOW = Duration.ofHours(1);

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, UpstreamState> last = new LinkedHashMap<>();
  private final Map<String, Deque<Instant>> errors = new LinkedHashMap<>();

  public UpstreamMeter(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** Records one finished call. */
  public void record(String upstream, String endpoint, String outcome, Duration latency) {
    Timer.builder("teleglas_upstream_calls")
        .description("Calls to upstream market-data APIs")
        .tag("upstream", upstream)
        .tag("endpoint", endpoint)
        .tag("outcome", outcome)
        .register(registry)
        .record(latency);
    Instant now = clock.instant();
    boolean ok = outcome.equals("ok");
    synchronized (this) {
      Deque<Instant> times = errors.computeIfAbsent(upstream, u -> new ArrayDeque<>());
      if (!ok && !outcome.equals("plan") && !outcome.equals("unknown_symbol")) {
        times.addLast(now);
      }
      prune(times, now);
      last.put(upstream, new UpstreamState(upstream, now, ok, latency, times.size()));
    }
  }

  /** Every upstream called so far, in first-call order. */
  public synchronized List<UpstreamState> states() {
    Instant now = clock.instant();
    return last.values().stream()
        .map(
            s -> {
              Deque<Instant> times = errors.get(s.upstream());
              prune(times, now);
              return new UpstreamState(
                  s.upstream(), s.lastCall(), s.lastOk(), s.lastLatency(), times.size());
            })
        .toList();
  }

  public synchronized Optional<UpstreamState> state(String upstream) {
    return states().stream().filter(s -> s.upstream().equals(upstream)).findFirst();
  }

  private static void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
      times.removeFirst();
    }
  }
}
