package io.teleglas.alertbot.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Engine stage: holds the NEW alerts of some rules (today the large single liquidations) for a
 * short wait of event time before they go on, as Alertmanager's {@code group_wait} does, so that an
 * inhibitor that opens meanwhile (a storm, a market cascade) supersedes them: the next stage judges
 * each alert when it is released. Released alerts come out in the order their waits end, before the
 * alerts of the step that released them. Engine-thread only; O(log n) per held alert.
 */
final class GroupWait {

  private record Held(Alert alert, Instant due, long seq) {}

  private final Map<String, Duration> waitByRule;
  private final PriorityQueue<Held> held =
      new PriorityQueue<>(Comparator.comparing(Held::due).thenComparingLong(Held::seq));
  private long seq;

  /** {@code waitByRule}: how long the NEW alerts of each rule wait; other rules pass at once. */
  GroupWait(Map<String, Duration> waitByRule) {
    this.waitByRule = Map.copyOf(waitByRule);
  }

  /** The batch with held alerts taken out, preceded by those whose wait is over at {@code now}. */
  List<Alert> apply(List<Alert> batch, Instant now) {
    List<Alert> passed = new ArrayList<>();
    for (Alert alert : batch) {
      Duration wait = waitByRule.getOrDefault(alert.rule(), Duration.ZERO);
      if (alert.kind() == AlertKind.NEW && !wait.isZero()) {
        held.add(new Held(alert, alert.lastEventTime().plus(wait), seq++));
      } else {
        passed.add(alert);
      }
    }
    if (passed.isEmpty() && (held.isEmpty() || now.isBefore(held.peek().due()))) {
      return List.of();
    }
    List<Alert> out = new ArrayList<>();
    while (!held.isEmpty() && !now.isBefore(held.peek().due())) {
      out.add(held.poll().alert());
    }
    out.addAll(passed);
    return out;
  }

  /** How many alerts are waiting. */
  int waiting() {
    return held.size();
  }
}
