package io.teleglas.alertbot.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Engine stage: after a NEW alert for a rule, coin and side, the next NEW one within the cooldown
 * (event time) is dropped, unless it is at least {@code escalationFactor} times the last one sent,
 * which passes as {@link AlertKind#ESCALATION} and restarts the cooldown. The UPDATE and RESOLVED
 * alerts of a dropped group are dropped with it: the channel never saw its first message.
 */
final class Cooldown {

  private record Sent(Instant at, double usdValue) {}

  private final Duration period;
  private final double escalationFactor;
  private final Map<String, Sent> lastSent = new HashMap<>();
  private final Set<String> droppedGroups = new HashSet<>();
  private long suppressed;

  Cooldown(Duration period, double escalationFactor) {
    this.period = period;
    this.escalationFactor = escalationFactor;
  }

  List<Alert> apply(List<Alert> batch) {
    List<Alert> passed = new ArrayList<>(batch.size());
    for (Alert alert : batch) {
      Alert out = alert.kind() == AlertKind.NEW ? checkNew(alert) : checkFollowUp(alert);
      if (out == null) {
        suppressed++;
      } else {
        passed.add(out);
      }
    }
    return passed;
  }

  long suppressed() {
    return suppressed;
  }

  private Alert checkNew(Alert alert) {
    String key = alert.groupKey();
    Sent last = lastSent.get(key);
    Alert out;
    if (last == null || !alert.lastEventTime().isBefore(last.at().plus(period))) {
      out = alert;
    } else if (alert.usdValue() >= escalationFactor * last.usdValue()) {
      out = alert.withKind(AlertKind.ESCALATION);
    } else {
      droppedGroups.add(key);
      return null;
    }
    droppedGroups.remove(key);
    lastSent.put(key, new Sent(alert.lastEventTime(), alert.usdValue()));
    return out;
  }

  private Alert checkFollowUp(Alert alert) {
    if (!droppedGroups.contains(alert.groupKey())) {
      return alert;
    }
    if (alert.kind() == AlertKind.RESOLVED) {
      droppedGroups.remove(alert.groupKey());
    }
    return null;
  }
}
