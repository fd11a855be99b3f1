package io.teleglas.bench.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The channel alerts a replay must produce, worked out from its frames alone with the contract's
 * default thresholds, without any alert-bot code: per coin and liquidated side, a storm when some
 * 30 s window holds at least the tier's storm total and count (its singles are then superseded),
 * otherwise one large-liquidation alert when an order reaches the tier's single threshold (the
 * replays never repeat a coin and side within the 5-minute cooldown, so one is all). Trades in the
 * replays are far below the whale rules and never counted here.
 *
 * @param byKey expected NEW messages per key {@code single:COIN} or {@code storm:COIN}
 * @param decisiveMillis per key, the event time at which the engine may send: the qualifying
 *     order's time for a single, the last order of the storm's opening burst for a storm, each plus
 *     the 5 s group wait
 */
record ExpectedAlerts(Map<String, Integer> byKey, Map<String, Long> decisiveMillis) {
  private static final Set<String> MAJORS = Set.of("BTC", "ETH", "SOL");
  private static final Set<String> LARGE_CAPS = Set.of("BNB", "XRP", "ADA", "DOGE", "AVAX", "DOT");
  private static final long WINDOW_MS = 30_000;
  private static final long GROUP_WAIT_MS = 5_000;

  private record Order(String coin, String side, double usd, long millis) {}

  static ExpectedAlerts of(List<Planned> replay) {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, List<Order>> groups = new TreeMap<>();
    for (Planned p : replay) {
      JsonNode data;
      try {
        data = mapper.readTree(p.frame()).path("data");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!data.path("e").asText().equals("forceOrder")) {
        continue;
      }
      JsonNode o = data.path("o");
      String coin = o.path("s").asText().replaceFirst("USDT$", "");
      double usd =
          Double.parseDouble(o.path("ap").asText()) * Double.parseDouble(o.path("z").asText());
      Order order = new Order(coin, o.path("S").asText(), usd, o.path("T").asLong());
      groups.computeIfAbsent(coin + "/" + order.side(), k -> new ArrayList<>()).add(order);
    }
    Map<String, Integer> byKey = new TreeMap<>();
    Map<String, Long> decisive = new TreeMap<>();
    for (List<Order> orders : groups.values()) {
      orders.sort(java.util.Comparator.comparingLong(Order::millis));
      String coin = orders.get(0).coin();
      double[] tier = tier(coin);
      Long stormCrossed = stormCrossing(orders, tier[1], (int) tier[2]);
      if (stormCrossed != null) {
        byKey.merge("storm:" + coin, 1, Integer::sum);
        // The first message waits 5 s after the latest order it covers; the replays end a
        // storm's orders within 1 s, so that is the last order.
        decisive.put("storm:" + coin, orders.get(orders.size() - 1).millis() + GROUP_WAIT_MS);
        continue;
      }
      orders.stream()
          .filter(o -> o.usd() >= tier[0])
          .findFirst()
          .ifPresent(
              o -> {
                byKey.merge("single:" + coin, 1, Integer::sum);
                decisive.put("single:" + coin, o.millis() + GROUP_WAIT_MS);
              });
    }
    return new ExpectedAlerts(Map.copyOf(byKey), Map.copyOf(decisive));
  }

  /** {single USD, storm USD, storm count} of the contract's default tiers. */
  private static double[] tier(String coin) {
    if (MAJORS.contains(coin)) {
      return new double[] {500_000, 2_000_000, 3};
    }
    if (LARGE_CAPS.contains(coin)) {
      return new double[] {200_000, 1_000_000, 2};
    }
    return new double[] {100_000, 500_000, 2};
  }

  /** The time of the order that first makes a storm, or null. */
  private static Long stormCrossing(List<Order> orders, double usd, int count) {
    for (int end = 0; end < orders.size(); end++) {
      double total = 0;
      int n = 0;
      for (int i = end;
          i >= 0 && orders.get(end).millis() - orders.get(i).millis() < WINDOW_MS;
          i--) {
        total += orders.get(i).usd();
        n++;
      }
      if (total >= usd && n >= count) {
        return orders.get(end).millis();
      }
    }
    return null;
  }

  int total() {
    return byKey.values().stream().mapToInt(Integer::intValue).sum();
  }
}
