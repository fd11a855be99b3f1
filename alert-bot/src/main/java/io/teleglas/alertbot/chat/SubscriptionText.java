package io.teleglas.alertbot.chat;

import io.teleglas.alertbot.alert.TierThresholds;
import io.teleglas.alertbot.store.Subscription;
import io.teleglas.alertbot.store.Topic;
import io.teleglas.core.telegram.Formats;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription in words, the same in the confirmation, in {@code /alerts} and under each personal
 * message: {@code liquidations and whale trades ≥ $100K, funding extremes}. Stateless.
 */
final class SubscriptionText {

  private SubscriptionText() {}

  /**
   * What the subscription sends, with the amounts that apply.
   *
   * @param channel the thresholds of the coin's tier, which apply when the subscription names no
   *     amount
   */
  static String describe(Subscription s, TierThresholds channel) {
    List<String> parts = new ArrayList<>();
    boolean liq = s.topics().contains(Topic.LIQ);
    boolean whale = s.topics().contains(Topic.WHALE);
    if (s.minUsd().isPresent() && (liq || whale)) {
      String min = " ≥ " + Formats.usd(s.minUsd().getAsDouble());
      parts.add(
          liq && whale
              ? "liquidations and whale trades" + min
              : (liq ? "liquidations" : "whale trades") + min);
    } else {
      if (liq) {
        parts.add("liquidations ≥ " + Formats.usd(channel.singleLiquidationUsd()));
      }
      if (whale) {
        parts.add("whale trades ≥ " + Formats.usd(channel.whaleTradeUsd()));
      }
    }
    if (s.topics().contains(Topic.FUNDING)) {
      parts.add("funding extremes");
    }
    if (s.topics().contains(Topic.OI)) {
      parts.add("open-interest spikes");
    }
    return String.join(", ", parts);
  }

  /** What one topic is called in a personal message's footer. */
  static String topic(Topic topic) {
    return switch (topic) {
      case LIQ -> "liquidations";
      case WHALE -> "whale trades";
      case FUNDING -> "funding extremes";
      case OI -> "open-interest spikes";
    };
  }
}
