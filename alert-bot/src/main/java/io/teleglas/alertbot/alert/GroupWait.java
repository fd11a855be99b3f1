package io.teleglas.alertbot.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Engine stage: holds the NEW alerts of some rules for a short wait of event time before they go
 * on, as Alertmanager's {@code group_wait} does, so that what happens meanwhile can still change
 * them: an inhibitor that opens during the wait supersedes a held alert (the next stage drops it on
 * release), and a later alert of a held group replaces the held content (a storm's first message
 * goes out with the totals it has at the end of its wait). A RESOLVED for a held group releases it
 * at once, with the resolved totals, followed by the RESOLVED.
 */
final class GroupWait {

  private record Held(Alert alert, Instant due) {}

  private final Map<String, Duration> waitByRule;
  private final List<Held> held = new ArrayList<>();

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
        held.add(new Held(alert, alert.lastEventTime().plus(wait)));
      } else {
        passed.add(alert);
      }
    }
    List<Held> due = held.stream().filter(h -> !now.isBefore(h.due())).toList();
    held.removeAll(due);
    List<Alert> out = new ArrayList<>(due.size() + passed.size());
    due.stream().sorted(Comparator.comparing((Held h) -> h.due())).forEach(h -> out.add(h.alert()));
    out.addAll(passed);
    return out;
  }

  /** How many alerts are waiting. */
  int waiting() {
    return held.size();
  }
}
