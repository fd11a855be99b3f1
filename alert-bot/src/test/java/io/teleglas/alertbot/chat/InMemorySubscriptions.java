package io.teleglas.alertbot.chat;

import io.teleglas.alertbot.store.Subscriber;
import io.teleglas.alertbot.store.Subscription;
import io.teleglas.alertbot.store.Subscriptions;
import io.teleglas.core.market.Coin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link Subscriptions} in memory, following the interface's Javadoc; counts reads for tests. */
final class InMemorySubscriptions implements Subscriptions {
  private final Map<Long, Map<Coin, Subscription>> byChat = new HashMap<>();
  private final Map<Long, Subscriber> subscribers = new HashMap<>();
  private long version;
  final AtomicInteger allActiveCalls = new AtomicInteger();
  volatile RuntimeException failReads;

  @Override
  public synchronized boolean put(Subscription s) {
    Map<Coin, Subscription> mine = byChat.computeIfAbsent(s.chatId(), id -> new HashMap<>());
    if (!mine.containsKey(s.coin()) && mine.size() >= MAX_PER_USER) {
      return false;
    }
    mine.put(s.coin(), s);
    subscribers.putIfAbsent(
        s.chatId(), new Subscriber(s.chatId(), true, Optional.empty(), Optional.empty()));
    version++;
    return true;
  }

  @Override
  public synchronized boolean remove(long chatId, Coin coin) {
    Map<Coin, Subscription> mine = byChat.get(chatId);
    boolean removed = mine != null && mine.remove(coin) != null;
    if (removed) {
      version++;
    }
    return removed;
  }

  @Override
  public synchronized List<Subscription> of(long chatId) {
    return byChat.getOrDefault(chatId, Map.of()).values().stream()
        .sorted(Comparator.comparing(s -> s.coin().symbol()))
        .toList();
  }

  @Override
  public synchronized List<Subscription> allActive() {
    allActiveCalls.incrementAndGet();
    if (failReads != null) {
      throw failReads;
    }
    List<Subscription> all = new ArrayList<>();
    byChat.forEach(
        (chat, mine) -> {
          if (subscribers.containsKey(chat) && subscribers.get(chat).active()) {
            all.addAll(mine.values());
          }
        });
    return all;
  }

  @Override
  public synchronized Optional<Subscriber> subscriber(long chatId) {
    return Optional.ofNullable(subscribers.get(chatId));
  }

  @Override
  public synchronized void mute(long chatId, Instant until) {
    Subscriber s = existing(chatId);
    subscribers.put(
        chatId, new Subscriber(chatId, s.active(), Optional.of(until), s.deactivatedReason()));
    version++;
  }

  @Override
  public synchronized void unmute(long chatId) {
    Subscriber s = existing(chatId);
    subscribers.put(
        chatId, new Subscriber(chatId, s.active(), Optional.empty(), s.deactivatedReason()));
    version++;
  }

  @Override
  public synchronized void deactivate(long chatId, String reason, Instant at) {
    Subscriber s = existing(chatId);
    subscribers.put(chatId, new Subscriber(chatId, false, s.mutedUntil(), Optional.of(reason)));
    version++;
  }

  @Override
  public synchronized void activate(long chatId, Instant at) {
    Subscriber s = existing(chatId);
    subscribers.put(chatId, new Subscriber(chatId, true, s.mutedUntil(), Optional.empty()));
    version++;
  }

  @Override
  public synchronized long version() {
    return version;
  }

  private Subscriber existing(long chatId) {
    return subscribers.getOrDefault(
        chatId, new Subscriber(chatId, true, Optional.empty(), Optional.empty()));
  }
}
