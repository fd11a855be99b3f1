package io.teleglas.alertbot.alert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Engine stage: while a group of the source rule is open (NEW or UPDATE seen, RESOLVED not yet),
 * alerts of the target rule for the same coin and side are dropped, as Alertmanager's inhibition
 * does. A batch is the output of one step, so a storm opened by the same liquidation that was also
 * large enough on its own supersedes that single alert too.
 */
final class Inhibition {

  private final String sourceRule;
  private final String targetRule;
  private final Set<String> open = new HashSet<>();
  private long inhibited;

  Inhibition(String sourceRule, String targetRule) {
    this.sourceRule = sourceRule;
    this.targetRule = targetRule;
  }

  List<Alert> apply(List<Alert> batch) {
    for (Alert alert : batch) {
      if (alert.rule().equals(sourceRule)) {
        if (alert.kind() == AlertKind.RESOLVED) {
          open.remove(coinAndSide(alert));
        } else {
          open.add(coinAndSide(alert));
        }
      }
    }
    List<Alert> passed = new ArrayList<>(batch.size());
    for (Alert alert : batch) {
      if (alert.rule().equals(targetRule) && open.contains(coinAndSide(alert))) {
        inhibited++;
      } else {
        passed.add(alert);
      }
    }
    return passed;
  }

  long inhibited() {
    return inhibited;
  }

  private static String coinAndSide(Alert alert) {
    return alert.coin().symbol() + "|" + alert.side().map(Enum::name).orElse("");
  }
}
