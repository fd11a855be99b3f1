package io.teleglas.alertbot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.LargeLiquidationRule;
import io.teleglas.alertbot.alert.LiquidationStormRule;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.alert.Tier;
import io.teleglas.alertbot.alert.TierThresholds;
import io.teleglas.alertbot.alert.WhaleClusterRule;
import io.teleglas.alertbot.alert.WhaleTradeRule;
import io.teleglas.alertbot.render.AlertHtml;
import io.teleglas.alertbot.render.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlertPathWarmUpTest {

  private final List<Alert> rendered = new ArrayList<>();
  private final ChannelRouter.Renderer renderer =
      alert -> {
        rendered.add(alert);
        Rendered r = AlertHtml.render(alert);
        return new ChannelRouter.Text(r.html(), r.summary());
      };

  @Test
  void everyRoundFiresAndRendersTheChannelsCommonAlerts() {
    Map<String, Integer> fired = new AlertPathWarmUp(Thresholds.DEFAULT, renderer).run(3);

    assertThat(fired)
        .containsEntry(WhaleTradeRule.NAME, 3)
        .containsEntry(WhaleClusterRule.NAME, 3)
        .hasEntrySatisfying(
            LargeLiquidationRule.NAME, n -> assertThat(n).isGreaterThanOrEqualTo(3));
    // Each round's storm opens, is updated as it grows and resolves.
    assertThat(kinds(LiquidationStormRule.NAME))
        .containsEntry(AlertKind.NEW, 3L)
        .containsEntry(AlertKind.UPDATE, 3L)
        .containsEntry(AlertKind.RESOLVED, 3L);
    assertThat(rendered).hasSize(fired.values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void firesWithAnOperatorsThresholdsToo() {
    TierThresholds high = new TierThresholds(40e6, 90e6, 7, 60e6, 20e6, 150e6, 4);
    Thresholds d = Thresholds.DEFAULT;
    Thresholds custom =
        new Thresholds(
            d.tiers(),
            Map.of(Tier.MAJORS, high, Tier.LARGE_CAPS, high, Tier.OTHERS, high),
            d.stormWindow(),
            d.stormUpdateInterval(),
            d.cooldown(),
            d.escalationFactor(),
            d.clusterWindow(),
            d.singleGroupWait(),
            d.stormGroupWait(),
            d.market());

    Map<String, Integer> fired = new AlertPathWarmUp(custom, renderer).run(2);

    assertThat(fired.keySet())
        .contains(
            LargeLiquidationRule.NAME,
            LiquidationStormRule.NAME,
            WhaleTradeRule.NAME,
            WhaleClusterRule.NAME);
  }

  @Test
  void noRoundsRenderNothing() {
    assertThat(new AlertPathWarmUp(Thresholds.DEFAULT, renderer).run(0)).isEmpty();
    assertThat(rendered).isEmpty();
    assertThatThrownBy(() -> new AlertPathWarmUp(Thresholds.DEFAULT, renderer).run(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Map<AlertKind, Long> kinds(String rule) {
    return rendered.stream()
        .filter(a -> a.rule().equals(rule))
        .collect(Collectors.groupingBy(Alert::kind, Collectors.counting()));
  }
}
