package io.teleglas.alertbot.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.alert.TierThresholds;
import io.teleglas.alertbot.render.AlertHtml;
import io.teleglas.alertbot.render.Rendered;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.Subscriber;
import io.teleglas.alertbot.store.Subscription;
import io.teleglas.alertbot.store.Subscriptions;
import io.teleglas.alertbot.store.Topic;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.telegram.Formats;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which users get a direct message about an event or alert, from their personal
 * subscriptions: a liquidation for topic {@link Topic#LIQ}, a trade for {@link Topic#WHALE}, each
 * at least the subscription's amount (or, without one, the channel's threshold for the coin's
 * tier); a {@code funding-extreme} alert for {@link Topic#FUNDING} and an {@code oi-spike} alert
 * for {@link Topic#OI}. Muted and inactive users get nothing. Messages go to {@link DirectMessages}
 * (the outbox), never to Telegram directly.
 *
 * <p>Subscriptions are cached and reloaded only when {@link Subscriptions#version()} moved, so an
 * event costs one {@code version()} call and map lookups; a failed reload keeps the old cache and
 * is retried after {@link #RELOAD_RETRY}. Amounts below {@link #MIN_USD_FLOOR} are raised to it, so
 * no subscription can turn every small trade into a message.
 *
 * <p>Threading: engine thread only; not thread-safe.
 */
public final class PersonalAlerts {

  /** The smallest amount a subscription alerts at, in USD. */
  public static final double MIN_USD_FLOOR = 10_000;

  /** Rule names whose alerts go to funding and open-interest subscribers. */
  public static final String FUNDING_RULE = "funding-extreme";

  public static final String OI_RULE = "oi-spike";

  static final Duration RELOAD_RETRY = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(PersonalAlerts.class);

  private final Subscriptions subscriptions;
  private final Thresholds thresholds;
  private final DirectMessages out;
  private final Clock clock;
  private final Counter queued;
  private final Counter failures;
  private Map<Coin, List<Target>> byCoin = Map.of();
  private long loadedVersion = Long.MIN_VALUE;
  private Instant noReloadBefore = Instant.MIN;

  private record Target(Subscription subscription, Subscriber subscriber) {}

  public PersonalAlerts(
      Subscriptions subscriptions,
      Thresholds thresholds,
      DirectMessages out,
      Clock clock,
      MeterRegistry metrics) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions is null");
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
    this.out = Objects.requireNonNull(out, "out is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.queued = metrics.counter("teleglas_personal_messages_total");
    this.failures = metrics.counter("teleglas_personal_failures_total");
  }

  /** A normalized liquidation or trade: direct messages to the subscribers it concerns. */
  public void onEvent(MarketEvent event) {
    Topic topic = event instanceof Liquidation ? Topic.LIQ : Topic.WHALE;
    Instant now = clock.instant();
    // Rendered and named once per event, and only when some subscriber gets it.
    Rendered r = null;
    Optional<String> about = Optional.empty();
    for (Target target : targets(event.coin(), topic, now)) {
      double min = threshold(target.subscription(), topic);
      if (event.usdValue() >= min) {
        if (r == null) {
          r = AlertHtml.event(event, Optional.empty());
          about = Optional.of("event|" + identity(event.toString()));
        }
        String why =
            "<i>Your alert: #"
                + event.coin().symbol()
                + " "
                + SubscriptionText.topic(topic)
                + " ≥ "
                + Formats.usd(min)
                + " · /alerts</i>";
        enqueue(
            target, MessageKind.SEND, Optional.empty(), r.html() + "\n" + why, r.summary(), about);
      }
    }
  }

  /** An alert that passed the engine: funding and open-interest alerts go to their subscribers. */
  public void onAlert(Alert alert) {
    Topic topic =
        switch (alert.rule()) {
          case FUNDING_RULE -> Topic.FUNDING;
          case OI_RULE -> Topic.OI;
          default -> null;
        };
    if (topic == null) {
      return;
    }
    MessageKind kind =
        alert.kind() == AlertKind.UPDATE || alert.kind() == AlertKind.RESOLVED
            ? MessageKind.EDIT
            : MessageKind.SEND;
    Rendered r = AlertHtml.render(alert);
    Optional<String> dedupKey =
        kind == MessageKind.SEND
            ? Optional.of(
                "alert|"
                    + identity(
                        alert.groupKey()
                            + "|"
                            + alert.kind()
                            + "|"
                            + alert.firstEventTime().toEpochMilli()
                            + "|"
                            + alert.lastEventTime().toEpochMilli()))
            : Optional.empty();
    for (Target target : targets(alert.coin(), topic, clock.instant())) {
      enqueue(target, kind, Optional.of(alert.groupKey()), r.html(), r.summary(), dedupKey);
    }
  }

  /** The amount an event must reach: the subscription's (floored) or the channel's. */
  double threshold(Subscription s, Topic topic) {
    if (s.minUsd().isPresent()) {
      return Math.max(s.minUsd().getAsDouble(), MIN_USD_FLOOR);
    }
    TierThresholds channel = thresholds.forCoin(s.coin());
    return topic == Topic.LIQ ? channel.singleLiquidationUsd() : channel.whaleTradeUsd();
  }

  private List<Target> targets(Coin coin, Topic topic, Instant now) {
    refresh(now);
    List<Target> matching = new ArrayList<>();
    for (Target t : byCoin.getOrDefault(coin, List.of())) {
      if (t.subscription().topics().contains(topic) && t.subscriber().receives(now)) {
        matching.add(t);
      }
    }
    return matching;
  }

  /**
   * A short name for what a message is about, the same in every instance that saw the same event or
   * alert: with the chat it makes the message's dedup key, so a standby taking over never sends a
   * subscriber what the old leader already queued.
   */
  private static String identity(String what) {
    return UUID.nameUUIDFromBytes(what.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private void enqueue(
      Target target,
      MessageKind kind,
      Optional<String> groupKey,
      String html,
      String summary,
      Optional<String> about) {
    long chat = target.subscription().chatId();
    try {
      out.add(
          new OutboundMessage(
              ChatId.of(chat),
              kind,
              groupKey,
              html,
              summary,
              clock.instant(),
              about.map(a -> chat + "|" + a)));
      queued.increment();
    } catch (RuntimeException e) {
      failures.increment();
      log.warn(
          "could not queue a personal message for chat {}: {}",
          target.subscription().chatId(),
          e.toString());
    }
  }

  private void refresh(Instant now) {
    long version;
    try {
      version = subscriptions.version();
      if (version == loadedVersion || now.isBefore(noReloadBefore)) {
        return;
      }
      byCoin = load();
      loadedVersion = version;
    } catch (RuntimeException e) {
      failures.increment();
      noReloadBefore = now.plus(RELOAD_RETRY);
      log.warn(
          "could not reload subscriptions, keeping the last {} coin(s): {}",
          byCoin.size(),
          e.toString());
    }
  }

  private Map<Coin, List<Target>> load() {
    Map<Long, Optional<Subscriber>> subscribers = new HashMap<>();
    Map<Coin, List<Target>> loaded = new HashMap<>();
    for (Subscription s : subscriptions.allActive()) {
      Optional<Subscriber> subscriber =
          subscribers.computeIfAbsent(s.chatId(), subscriptions::subscriber);
      subscriber.ifPresent(
          who -> loaded.computeIfAbsent(s.coin(), c -> new ArrayList<>()).add(new Target(s, who)));
    }
    loaded.replaceAll((coin, list) -> List.copyOf(list));
    return Map.copyOf(loaded);
  }
}
