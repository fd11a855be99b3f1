package io.teleglas.alertbot.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.teleglas.core.config.ConfigException;
import io.teleglas.core.config.ConfigProblem;
import io.teleglas.core.market.Coin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rules file ({@code ALERT_RULES_FILE}, format in docs/alert-rules.md) over {@link
 * Thresholds#DEFAULT}: every key is optional, and what is left out keeps its default. Collects
 * every problem, each with its path in the file, and throws them together.
 */
public final class ThresholdsLoader {

  static final String VARIABLE = "ALERT_RULES_FILE";
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private final List<ConfigProblem> problems = new ArrayList<>();

  private ThresholdsLoader() {}

  /** The thresholds in {@code file}. */
  public static Thresholds load(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(
          List.of(new ConfigProblem(VARIABLE, "cannot read " + file + ": " + e.getMessage())));
    }
    return parse(yaml);
  }

  /** The thresholds in {@code yaml}, the text of a rules file. */
  public static Thresholds parse(String yaml) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          List.of(new ConfigProblem(VARIABLE, "not valid YAML: " + e.getOriginalMessage())));
    }
    return new ThresholdsLoader().read(root);
  }

  private Thresholds read(JsonNode root) {
    Thresholds d = Thresholds.DEFAULT;
    if (root == null || root.isMissingNode() || root.isNull()) {
      return d;
    }
    Set<String> sections =
        Set.of(
            "tiers",
            "storm",
            "cooldown",
            "group-wait",
            "whale-cluster",
            "market-cascade",
            "funding-extreme",
            "oi-spike",
            "market-poll");
    if (!object(root, "(top level)", sections)) {
      throw new ConfigException(problems);
    }
    JsonNode tiersNode = root.path("tiers");
    Map<Tier, TierThresholds> byTier = new EnumMap<>(Tier.class);
    Map<Tier, Set<Coin>> coins = new EnumMap<>(Tier.class);
    coins.put(Tier.MAJORS, d.tiers().majors());
    coins.put(Tier.LARGE_CAPS, d.tiers().largeCaps());
    if (!tiersNode.isMissingNode()) {
      object(tiersNode, "tiers", Set.of("majors", "large-caps", "others"));
    }
    for (Tier tier : Tier.values()) {
      byTier.put(tier, tier(tiersNode.path(tier.key()), tier, d.byTier().get(tier), coins));
    }
    JsonNode storm = root.path("storm");
    JsonNode cool = root.path("cooldown");
    JsonNode wait = root.path("group-wait");
    JsonNode cluster = root.path("whale-cluster");
    object(storm, "storm", Set.of("window", "update-interval"));
    object(cool, "cooldown", Set.of("period", "escalation-factor"));
    object(wait, "group-wait", Set.of("single-liquidation", "storm"));
    object(cluster, "whale-cluster", Set.of("window"));
    Duration window = duration(storm, "storm", "window", d.stormWindow(), false);
    Duration interval = duration(storm, "storm", "update-interval", d.stormUpdateInterval(), false);
    Duration period = duration(cool, "cooldown", "period", d.cooldown(), false);
    double factor = number(cool, "cooldown", "escalation-factor", 1.0, d.escalationFactor());
    Duration singleWait =
        duration(wait, "group-wait", "single-liquidation", d.singleGroupWait(), true);
    Duration stormWait = duration(wait, "group-wait", "storm", d.stormGroupWait(), true);
    if (singleWait.compareTo(window) >= 0) {
      problem(
          "group-wait.single-liquidation",
          "must be shorter than storm.window, got " + wait.get("single-liquidation"));
    }
    if (stormWait.compareTo(window) >= 0) {
      problem("group-wait.storm", "must be shorter than storm.window, got " + wait.get("storm"));
    }
    Duration clusterWindow = duration(cluster, "whale-cluster", "window", d.clusterWindow(), false);
    MarketThresholds market = market(root, d.market());
    checkOverlap(coins);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Thresholds(
        new Tiers(coins.get(Tier.MAJORS), coins.get(Tier.LARGE_CAPS)),
        byTier,
        window,
        interval,
        period,
        factor,
        clusterWindow,
        singleWait,
        stormWait,
        market);
  }

  private MarketThresholds market(JsonNode root, MarketThresholds d) {
    JsonNode cascade = root.path("market-cascade");
    JsonNode funding = root.path("funding-extreme");
    JsonNode oi = root.path("oi-spike");
    JsonNode poll = root.path("market-poll");
    String c = "market-cascade";
    object(cascade, c, Set.of("coins", "coin-usd", "total-usd", "window", "update-interval"));
    object(funding, "funding-extreme", Set.of("percent-per-8h", "resolve-percent-per-8h"));
    object(oi, "oi-spike", Set.of("percent", "resolve-percent", "window"));
    object(poll, "market-poll", Set.of("interval"));
    int cascadeCoins = whole(cascade, c + ".coins", "coins", 2, d.cascadeCoins());
    double coinUsd = usd(cascade, c, "coin-usd", d.cascadeCoinUsd());
    double totalUsd = usd(cascade, c, "total-usd", d.cascadeTotalUsd());
    Duration window = duration(cascade, c, "window", d.cascadeWindow(), false);
    Duration interval = duration(cascade, c, "update-interval", d.cascadeUpdateInterval(), false);
    double fundingExtreme =
        number(funding, "funding-extreme", "percent-per-8h", 0, d.fundingExtremePer8h() * 100);
    double fundingResolve =
        number(
            funding, "funding-extreme", "resolve-percent-per-8h", 0, d.fundingResolvePer8h() * 100);
    if (fundingResolve >= fundingExtreme) {
      problem(
          "funding-extreme.resolve-percent-per-8h",
          "must be below percent-per-8h (" + fundingExtreme + "), got " + fundingResolve);
      fundingResolve = fundingExtreme / 2;
    }
    double spike = number(oi, "oi-spike", "percent", 0, d.oiSpikePercent());
    double resolve = number(oi, "oi-spike", "resolve-percent", 0, d.oiResolvePercent());
    if (resolve >= spike) {
      problem("oi-spike.resolve-percent", "must be below percent (" + spike + "), got " + resolve);
      resolve = spike / 2;
    }
    Duration oiWindow = duration(oi, "oi-spike", "window", d.oiWindow(), false);
    Duration pollInterval = duration(poll, "market-poll", "interval", d.pollInterval(), false);
    return new MarketThresholds(
        cascadeCoins,
        coinUsd,
        totalUsd,
        window,
        interval,
        fundingExtreme / 100,
        fundingResolve / 100,
        spike,
        resolve,
        oiWindow,
        pollInterval);
  }

  private TierThresholds tier(
      JsonNode node, Tier tier, TierThresholds d, Map<Tier, Set<Coin>> coins) {
    String path = "tiers." + tier.key();
    Set<String> keys =
        new HashSet<>(
            Set.of(
                "single-liquidation-usd",
                "storm-usd",
                "storm-count",
                "whale-trade-usd",
                "whale-cluster-trade-usd",
                "whale-cluster-usd",
                "whale-cluster-count"));
    if (tier != Tier.OTHERS) {
      keys.add("coins");
    }
    if (node.isMissingNode() || !object(node, path, keys)) {
      return d;
    }
    if (node.has("coins")) {
      coins.put(tier, coinList(node.get("coins"), path + ".coins"));
    }
    int before = problems.size();
    double single = usd(node, path, "single-liquidation-usd", d.singleLiquidationUsd());
    double storm = usd(node, path, "storm-usd", d.stormUsd());
    double whale = usd(node, path, "whale-trade-usd", d.whaleTradeUsd());
    int count = whole(node, path + ".storm-count", "storm-count", 1, d.stormCount());
    double clusterTrade = usd(node, path, "whale-cluster-trade-usd", d.clusterTradeUsd());
    double cluster = usd(node, path, "whale-cluster-usd", d.clusterUsd());
    int clusterCount =
        whole(node, path + ".whale-cluster-count", "whale-cluster-count", 2, d.clusterCount());
    return problems.size() == before
        ? new TierThresholds(single, storm, count, whale, clusterTrade, cluster, clusterCount)
        : d;
  }

  private int whole(JsonNode node, String path, String key, int min, int fallback) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= min) {
      return value.asInt();
    }
    problem(path, "must be a whole number >= " + min + ", got " + value);
    return fallback;
  }

  private double usd(JsonNode node, String path, String key, double fallback) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (value.isNumber() && value.asDouble() > 0 && Double.isFinite(value.asDouble())) {
      return value.asDouble();
    }
    problem(path + "." + key, "must be a USD amount > 0, got " + value);
    return fallback;
  }

  private double number(JsonNode node, String section, String key, double above, double fallback) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (value.isNumber() && value.asDouble() > above && Double.isFinite(value.asDouble())) {
      return value.asDouble();
    }
    problem(section + "." + key, "must be a number > " + above + ", got " + value);
    return fallback;
  }

  private Duration duration(
      JsonNode node, String section, String key, Duration fallback, boolean zeroAllowed) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(value.isTextual() ? value.asText() : "");
    if (m.matches() && (zeroAllowed || Long.parseLong(m.group(1)) > 0)) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    String what =
        zeroAllowed
            ? "a duration such as 0s, 5s or 1m"
            : "a positive duration such as 30s, 5m or 1h";
    problem(section + "." + key, "must be " + what + ", got " + value);
    return fallback;
  }

  private Set<Coin> coinList(JsonNode node, String path) {
    Set<Coin> coins = new HashSet<>();
    if (!node.isArray()) {
      problem(path, "must be a list of coins such as [BTC, ETH], got " + node);
      return coins;
    }
    for (int i = 0; i < node.size(); i++) {
      String symbol = node.get(i).asText();
      if (node.get(i).isTextual() && Coin.isValid(symbol)) {
        coins.add(new Coin(symbol));
      } else {
        problem(path + "[" + i + "]", "must be an upper-case coin such as BTC, got " + node.get(i));
      }
    }
    return coins;
  }

  private void checkOverlap(Map<Tier, Set<Coin>> coins) {
    coins.get(Tier.MAJORS).stream()
        .filter(coins.get(Tier.LARGE_CAPS)::contains)
        .sorted((a, b) -> a.symbol().compareTo(b.symbol()))
        .forEach(c -> problem("tiers", c.symbol() + " is both in majors and in large-caps"));
  }

  private boolean object(JsonNode node, String path, Set<String> keys) {
    if (node.isMissingNode()) {
      return true;
    }
    if (!node.isObject()) {
      problem(path, "must be a mapping of " + String.join(", ", keys.stream().sorted().toList()));
      return false;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!keys.contains(key)) {
        String prefix = path.equals("(top level)") ? "" : path + ".";
        problem(
            prefix + key,
            "unknown key; expected one of " + String.join(", ", keys.stream().sorted().toList()));
      }
    }
    return true;
  }

  private void problem(String path, String message) {
    problems.add(new ConfigProblem(VARIABLE, path + ": " + message));
  }
}
