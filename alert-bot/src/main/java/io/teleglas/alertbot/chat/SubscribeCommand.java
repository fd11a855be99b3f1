package io.teleglas.alertbot.chat;

import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.store.Subscription;
import io.teleglas.alertbot.store.Subscriptions;
import io.teleglas.alertbot.store.Topic;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.SymbolResolution;
import io.teleglas.core.market.SymbolResolver;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code /subscribe SYMBOL [liq|whale|funding|oi|all] [MIN_USD]} and {@code /alerts}. Topic words
 * and the amount may come in any order after the symbol; topics default to liq and whale.
 * Thread-safe (no mutable state).
 */
final class SubscribeCommand {

  /** Larger amounts are surely a typo. */
  static final double MAX_MIN_USD = 10_000_000_000d;

  private static final String USAGE =
      "Type <code>/subscribe SYMBOL [liq|whale|funding|oi|all] [MIN_USD]</code>, for example"
          + " <code>/subscribe ETH 100k</code>.";
  private static final int MAX_ECHO = 24;

  private final Subscriptions subscriptions;
  private final SymbolResolver symbols;
  private final Thresholds thresholds;
  private final Clock clock;

  SubscribeCommand(
      Subscriptions subscriptions, SymbolResolver symbols, Thresholds thresholds, Clock clock) {
    this.subscriptions = subscriptions;
    this.symbols = symbols;
    this.thresholds = thresholds;
    this.clock = clock;
  }

  SymbolResolver symbols() {
    return symbols;
  }

  String run(long chatId, List<String> args) {
    if (args.isEmpty()) {
      return "Which coin? " + USAGE;
    }
    SymbolResolution resolved = symbols.resolve(args.get(0));
    if (resolved instanceof SymbolResolution.Rejected r) {
      return Html.escape(r.reason()) + " " + USAGE;
    }
    Coin coin = ((SymbolResolution.Resolved) resolved).coin();
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    OptionalDouble min = OptionalDouble.empty();
    for (String word : args.subList(1, args.size())) {
      Optional<Set<Topic>> topic = Topic.parse(word);
      OptionalDouble amount = UserInput.usd(word);
      if (topic.isPresent()) {
        topics.addAll(topic.get());
      } else if (amount.isPresent() && min.isEmpty()) {
        min = amount;
      } else {
        return "I don't understand <code>"
            + Html.escape(UserInput.echo(word, MAX_ECHO))
            + "</code>. "
            + USAGE;
      }
    }
    if (min.isPresent() && min.getAsDouble() < PersonalAlerts.MIN_USD_FLOOR) {
      return "The smallest amount is "
          + Formats.usd(PersonalAlerts.MIN_USD_FLOOR)
          + ", so direct messages stay readable: <code>/subscribe "
          + coin.symbol()
          + " 10k</code>.";
    }
    if (min.isPresent() && min.getAsDouble() > MAX_MIN_USD) {
      return "That amount is larger than any trade. Try <code>/subscribe "
          + coin.symbol()
          + " 1m</code>.";
    }
    if (topics.isEmpty()) {
      topics = EnumSet.of(Topic.LIQ, Topic.WHALE);
    }
    boolean existed = subscriptions.of(chatId).stream().anyMatch(s -> s.coin().equals(coin));
    Subscription subscription = new Subscription(chatId, coin, topics, min, clock.instant());
    if (!subscriptions.put(subscription)) {
      return "You already follow "
          + Subscriptions.MAX_PER_USER
          + " coins, the most one user can. Remove one with <code>/unsubscribe SYMBOL</code>.";
    }
    return (existed ? "✅ Updated #" : "✅ #")
        + coin.symbol()
        + ": "
        + SubscriptionText.describe(subscription, thresholds.forCoin(coin))
        + ". /alerts lists yours.";
  }

  String list(long chatId) {
    List<Subscription> mine = subscriptions.of(chatId);
    if (mine.isEmpty()) {
      return "You have no subscriptions yet. Try <code>/subscribe BTC 250k</code>.";
    }
    StringBuilder out =
        new StringBuilder("<b>Your subscriptions</b> (")
            .append(mine.size())
            .append(" of ")
            .append(Subscriptions.MAX_PER_USER)
            .append(")\n");
    for (Subscription s : mine) {
      out.append("• #")
          .append(s.coin().symbol())
          .append(": ")
          .append(SubscriptionText.describe(s, thresholds.forCoin(s.coin())))
          .append('\n');
    }
    return out.append("Change one by subscribing again; /unsubscribe SYMBOL removes it.")
        .toString();
  }
}
