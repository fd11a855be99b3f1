package io.teleglas.alertbot.alert;

import io.teleglas.alertbot.market.MarketReading;
import io.teleglas.core.market.MarketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every rule on every event and reading and passes their alerts through the engine stages: the
 * group wait (large single liquidations and a storm's first message are held briefly), then
 * inhibition (an open storm or market cascade supersedes the alerts it covers), then cooldown with
 * escalation; what is left goes to the sink.
 *
 * <p>Threading: not thread-safe; one engine thread owns it and all rule state. Time is event time:
 * the engine reads no clock. Each event first advances the time to its own (time never goes
 * backwards), and the thread calls {@link #advanceTo} while idle so that storms close and held
 * alerts go out without new events. Readings carry wall-clock time and do not move engine time.
 */
public final class AlertEngine {

  private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

  private final List<AlertRule> rules;
  private final AlertSink sink;
  private final GroupWait groupWait;
  private final Inhibition inhibition;
  private final Cooldown cooldown;
  private final Map<String, Long> failures = new TreeMap<>();
  private Instant now = Instant.MIN;

  public AlertEngine(List<AlertRule> rules, Thresholds thresholds, AlertSink sink) {
    this.rules = List.copyOf(rules);
    this.sink = Objects.requireNonNull(sink, "sink is null");
    this.groupWait = new GroupWait(Map.of(LargeLiquidationRule.NAME, thresholds.singleGroupWait()));
    this.inhibition = new Inhibition(this.rules, this::failed);
    this.cooldown = new Cooldown(thresholds.cooldown(), thresholds.escalationFactor());
  }

  /**
   * The engine with the built-in rules: large liquidation, liquidation storm, market cascade, whale
   * trade, whale cluster, funding extreme and open-interest spike.
   */
  public static AlertEngine withBuiltInRules(Thresholds thresholds, AlertSink sink) {
    return new AlertEngine(
        List.of(
            new LargeLiquidationRule(thresholds),
            new LiquidationStormRule(thresholds),
            new MarketCascadeRule(thresholds),
            new WhaleTradeRule(thresholds),
            new WhaleClusterRule(thresholds),
            new FundingExtremeRule(thresholds),
            new OpenInterestSpikeRule(thresholds)),
        thresholds,
        sink);
  }

  /** Advances time to the event's, then runs every rule on it. */
  public void onEvent(MarketEvent event) {
    advanceTo(event.time());
    List<Alert> batch = new ArrayList<>();
    for (AlertRule rule : rules) {
      batch.addAll(run(rule, () -> rule.onEvent(event), event));
    }
    emit(batch);
  }

  /** Runs every rule on a polled reading; engine time stays where it is. */
  public void onReading(MarketReading reading) {
    List<Alert> batch = new ArrayList<>();
    for (AlertRule rule : rules) {
      batch.addAll(run(rule, () -> rule.onReading(reading), reading));
    }
    emit(batch);
  }

  /**
   * Lets windows close and held alerts go out: runs every rule's time step if {@code time} is later
   * than any so far.
   */
  public void advanceTo(Instant time) {
    if (!time.isAfter(now)) {
      return;
    }
    now = time;
    List<Alert> batch = new ArrayList<>();
    for (AlertRule rule : rules) {
      batch.addAll(run(rule, () -> rule.onTime(time), time));
    }
    emit(batch);
  }

  /** The names of the rules this engine runs, in the order it runs them. */
  public List<String> ruleNames() {
    return rules.stream().map(AlertRule::name).toList();
  }

  /** Failures per rule name since start. */
  public Map<String, Long> ruleFailures() {
    return Map.copyOf(failures);
  }

  /** Alerts superseded by an open storm or cascade, with the follow-ups of superseded groups. */
  public long inhibitedTotal() {
    return inhibition.inhibited();
  }

  /** Alerts dropped by the cooldown. */
  public long suppressedTotal() {
    return cooldown.suppressed();
  }

  /** Alerts held by the group wait right now. */
  public int waitingTotal() {
    return groupWait.waiting();
  }

  private List<Alert> run(AlertRule rule, Supplier<List<Alert>> step, Object input) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      failed(rule, e, input);
      return List.of();
    }
  }

  private void failed(AlertRule rule, RuntimeException e) {
    failed(rule, e, "inhibition check");
  }

  private void failed(AlertRule rule, RuntimeException e, Object input) {
    long count = failures.merge(rule.name(), 1L, Long::sum);
    if (Long.bitCount(count) == 1) {
      LOG.warn("Alert rule {} failed ({} times so far) on {}", rule.name(), count, input, e);
    }
  }

  private void emit(List<Alert> batch) {
    List<Alert> released = groupWait.apply(batch, now);
    if (released.isEmpty()) {
      return;
    }
    for (Alert alert : cooldown.apply(inhibition.apply(released))) {
      sink.accept(alert);
    }
  }
}
