package io.teleglas.alertbot.http;

import io.teleglas.alertbot.source.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule behind {@code /health}: UP while at least one source is connected and has delivered data
 * within the staleness window, and delivery is not stuck. Immutable and thread-safe.
 */
final class HealthRule {
  private final Duration staleAfter;

  HealthRule(Duration staleAfter) {
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("staleAfter must be positive, not " + staleAfter);
    }
    this.staleAfter = staleAfter;
  }

  Duration staleAfter() {
    return staleAfter;
  }

  /** Connected, and delivered data no longer than the staleness window before {@code now}. */
  boolean fresh(SourceStatus s, Instant now) {
    return s.connected()
        && s.lastUpdate().filter(t -> !t.isBefore(now.minus(staleAfter))).isPresent();
  }

  /** The stream half of the rule: some source is fresh. */
  boolean anyFresh(List<SourceStatus> sources, Instant now) {
    return sources.stream().anyMatch(s -> fresh(s, now));
  }

  /** Why the bot is DOWN at {@code now}; empty when it is UP. */
  List<String> reasons(List<SourceStatus> sources, DeliveryHealth delivery, Instant now) {
    List<String> reasons = new ArrayList<>();
    if (!anyFresh(sources, now)) {
      reasons.addAll(streamReasons(sources, now));
    }
    if (delivery.stuck()) {
      reasons.add(delivery.reason().map(r -> "delivery stuck: " + r).orElse("delivery stuck"));
    }
    return List.copyOf(reasons);
  }

  private List<String> streamReasons(List<SourceStatus> sources, Instant now) {
    List<SourceStatus> connected = sources.stream().filter(SourceStatus::connected).toList();
    if (connected.isEmpty()) {
      return List.of(sources.isEmpty() ? "no source configured" : "no source connected");
    }
    return connected.stream().map(s -> silence(s, now)).toList();
  }

  private String silence(SourceStatus s, Instant now) {
    return s.lastUpdate()
        .map(
            t ->
                "source "
                    + s.source()
                    + " silent for "
                    + Duration.between(t, now).toSeconds()
                    + " s (window "
                    + staleAfter.toSeconds()
                    + " s)")
        .orElse("source " + s.source() + " connected but has delivered no data");
  }
}
