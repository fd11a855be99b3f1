package io.teleglas.alertbot.alert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Engine stage: drops the NEW alerts that an open group of another rule supersedes (asking every
 * {@link Inhibitor} rule), as Alertmanager's inhibition does, and with them the later UPDATE and
 * RESOLVED of a dropped group, whose first message the channel never saw. Groups already sent are
 * never cut short: their edits keep their message truthful. Runs after the group wait, so an alert
 * is judged by what is open when it would go out.
 */
final class Inhibition {

  private final List<? extends AlertRule> rules;
  private final BiConsumer<AlertRule, RuntimeException> failed;
  private final Set<String> droppedGroups = new HashSet<>();
  private long inhibited;

  /** {@code failed} hears of an inhibitor that threw; its answer counts as "not inhibited". */
  Inhibition(List<? extends AlertRule> rules, BiConsumer<AlertRule, RuntimeException> failed) {
    this.rules = List.copyOf(rules);
    this.failed = failed;
  }

  List<Alert> apply(List<Alert> batch) {
    List<Alert> passed = new ArrayList<>(batch.size());
    for (Alert alert : batch) {
      if (alert.kind() == AlertKind.NEW) {
        if (inhibited(alert)) {
          droppedGroups.add(alert.groupKey());
          inhibited++;
          continue;
        }
        droppedGroups.remove(alert.groupKey());
      } else if (droppedGroups.contains(alert.groupKey())) {
        if (alert.kind() == AlertKind.RESOLVED) {
          droppedGroups.remove(alert.groupKey());
        }
        inhibited++;
        continue;
      }
      passed.add(alert);
    }
    return passed;
  }

  long inhibited() {
    return inhibited;
  }

  private boolean inhibited(Alert alert) {
    for (AlertRule rule : rules) {
      if (rule instanceof Inhibitor inhibitor && !rule.name().equals(alert.rule())) {
        try {
          if (inhibitor.inhibits(alert)) {
            return true;
          }
        } catch (RuntimeException e) {
          failed.accept(rule, e);
        }
      }
    }
    return false;
  }
}
