package io.teleglas.alertbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.market.Coin;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcSubscriptions} must do, whichever database is behind it. */
abstract class SubscriptionsContract {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final long ALICE = 42;
  static final long BOB = 43;

  private final MutableClock clock = new MutableClock(T0);
  private StoreUnderTest store;
  private Database db;
  private JdbcSubscriptions subscriptions;

  /** A new, empty store for one test. */
  abstract StoreUnderTest newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
    db = store.open();
    subscriptions = new JdbcSubscriptions(db, clock);
  }

  @AfterEach
  void closeStore() {
    db.close();
  }

  static Subscription sub(long chatId, String coin, Set<Topic> topics, OptionalDouble minUsd) {
    return new Subscription(chatId, new Coin(coin), topics, minUsd, T0);
  }

  static Subscription liq(long chatId, String coin) {
    return sub(chatId, coin, EnumSet.of(Topic.LIQ), OptionalDouble.empty());
  }

  @Test
  void put_storesTheSubscriptionAndRegistersAnActiveSubscriber() {
    Subscription eth =
        sub(ALICE, "ETH", EnumSet.of(Topic.LIQ, Topic.WHALE), OptionalDouble.of(100_000));

    assertThat(subscriptions.put(eth)).isTrue();

    assertThat(subscriptions.of(ALICE)).containsExactly(eth);
    assertThat(subscriptions.subscriber(ALICE))
        .contains(new Subscriber(ALICE, true, Optional.empty(), Optional.empty()));
    assertThat(subscriptions.of(BOB)).isEmpty();
    assertThat(subscriptions.subscriber(BOB)).isEmpty();
  }

  @Test
  void put_ofACoinAlreadyHeld_replacesIt() {
    subscriptions.put(sub(ALICE, "ETH", EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000)));
    Subscription replacement =
        new Subscription(
            ALICE,
            new Coin("ETH"),
            EnumSet.allOf(Topic.class),
            OptionalDouble.empty(),
            T0.plusSeconds(60));

    assertThat(subscriptions.put(replacement)).isTrue();

    assertThat(subscriptions.of(ALICE)).containsExactly(replacement);
  }

  @Test
  void of_listsByCoinSymbol() {
    subscriptions.put(liq(ALICE, "SOL"));
    subscriptions.put(liq(ALICE, "BTC"));
    subscriptions.put(liq(ALICE, "ETH"));

    assertThat(subscriptions.of(ALICE))
        .extracting(s -> s.coin().symbol())
        .containsExactly("BTC", "ETH", "SOL");
  }

  @Test
  void put_beyondTheLimit_isRefusedButReplacingAHeldCoinIsNot() {
    for (int i = 0; i < Subscriptions.MAX_PER_USER; i++) {
      assertThat(subscriptions.put(liq(ALICE, "C" + i))).isTrue();
    }
    long version = subscriptions.version();

    assertThat(subscriptions.put(liq(ALICE, "BTC"))).isFalse();
    assertThat(subscriptions.version()).isEqualTo(version);
    assertThat(subscriptions.put(sub(ALICE, "C3", EnumSet.of(Topic.OI), OptionalDouble.empty())))
        .isTrue();
    assertThat(subscriptions.put(liq(BOB, "BTC"))).isTrue();

    assertThat(subscriptions.of(ALICE)).hasSize(Subscriptions.MAX_PER_USER);
    assertThat(subscriptions.of(ALICE)).noneMatch(s -> s.coin().symbol().equals("BTC"));
  }

  @Test
  void put_fromFourThreadsRacingForTheLastPlace_storesExactlyOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 25; round++) {
        long user = 1_000 + round;
        for (int i = 0; i < Subscriptions.MAX_PER_USER - 1; i++) {
          subscriptions.put(liq(user, "C" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          String coin = "RACE" + t;
          racers.add(
              () -> {
                start.await();
                return subscriptions.put(liq(user, coin));
              });
        }
        List<Future<Boolean>> results = new ArrayList<>();
        for (Callable<Boolean> racer : racers) {
          results.add(pool.submit(racer));
        }
        start.countDown();
        int stored = 0;
        for (Future<Boolean> result : results) {
          stored += result.get() ? 1 : 0;
        }
        assertThat(stored).as("round %d", round).isEqualTo(1);
        assertThat(subscriptions.of(user)).hasSize(Subscriptions.MAX_PER_USER);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void remove_dropsOnlyThatCoinAndSaysWhetherThereWasOne() {
    subscriptions.put(liq(ALICE, "BTC"));
    subscriptions.put(liq(ALICE, "ETH"));

    assertThat(subscriptions.remove(ALICE, new Coin("BTC"))).isTrue();
    assertThat(subscriptions.remove(ALICE, new Coin("BTC"))).isFalse();
    assertThat(subscriptions.remove(BOB, new Coin("ETH"))).isFalse();

    assertThat(subscriptions.of(ALICE)).containsExactly(liq(ALICE, "ETH"));
  }

  @Test
  void allActive_includesMutedButNotDeactivatedSubscribers() {
    subscriptions.put(liq(ALICE, "BTC"));
    subscriptions.put(liq(BOB, "ETH"));
    subscriptions.put(liq(44, "SOL"));
    subscriptions.mute(ALICE, T0.plus(Duration.ofHours(1)));
    subscriptions.deactivate(BOB, "403 Forbidden: bot was blocked by the user", T0);

    assertThat(subscriptions.allActive()).containsExactly(liq(ALICE, "BTC"), liq(44, "SOL"));

    subscriptions.activate(BOB, T0.plusSeconds(5));
    assertThat(subscriptions.allActive())
        .containsExactly(liq(ALICE, "BTC"), liq(BOB, "ETH"), liq(44, "SOL"));
  }

  @Test
  void muteAndUnmute_setAndClearTheQuietTime() {
    subscriptions.put(liq(ALICE, "BTC"));
    Instant until = T0.plus(Duration.ofHours(2));

    subscriptions.mute(ALICE, until);
    Subscriber muted = subscriptions.subscriber(ALICE).orElseThrow();
    assertThat(muted.mutedUntil()).contains(until);
    assertThat(muted.receives(T0)).isFalse();
    assertThat(muted.receives(until)).isTrue();

    subscriptions.unmute(ALICE);
    assertThat(subscriptions.subscriber(ALICE).orElseThrow().mutedUntil()).isEmpty();
  }

  @Test
  void mute_ofAnUnknownUser_registersThemActive() {
    subscriptions.mute(BOB, T0.plusSeconds(60));

    assertThat(subscriptions.subscriber(BOB))
        .contains(new Subscriber(BOB, true, Optional.of(T0.plusSeconds(60)), Optional.empty()));
  }

  @Test
  void deactivateAndActivate_trackWhetherTheUserBlockedTheBot() {
    subscriptions.put(liq(ALICE, "BTC"));

    subscriptions.deactivate(ALICE, "blocked", T0);
    assertThat(subscriptions.subscriber(ALICE))
        .contains(new Subscriber(ALICE, false, Optional.empty(), Optional.of("blocked")));
    assertThat(subscriptions.of(ALICE)).containsExactly(liq(ALICE, "BTC"));

    subscriptions.activate(ALICE, T0.plusSeconds(1));
    assertThat(subscriptions.subscriber(ALICE))
        .contains(new Subscriber(ALICE, true, Optional.empty(), Optional.empty()));

    subscriptions.activate(BOB, T0);
    assertThat(subscriptions.subscriber(BOB).orElseThrow().active()).isTrue();
    subscriptions.deactivate(45, "chat not found", T0);
    assertThat(subscriptions.subscriber(45).orElseThrow().active()).isFalse();
  }

  @Test
  void version_growsOnEveryChangeAndOnlyThen() {
    long v0 = subscriptions.version();
    subscriptions.put(liq(ALICE, "BTC"));
    long v1 = subscriptions.version();
    subscriptions.mute(ALICE, T0.plusSeconds(60));
    long v2 = subscriptions.version();
    subscriptions.unmute(ALICE);
    long v3 = subscriptions.version();
    subscriptions.deactivate(ALICE, "blocked", T0);
    long v4 = subscriptions.version();
    subscriptions.activate(ALICE, T0);
    long v5 = subscriptions.version();
    subscriptions.remove(ALICE, new Coin("BTC"));
    long v6 = subscriptions.version();

    assertThat(List.of(v0, v1, v2, v3, v4, v5, v6)).isSorted().doesNotHaveDuplicates();
    subscriptions.remove(ALICE, new Coin("BTC"));
    subscriptions.unmute(ALICE);
    subscriptions.of(ALICE);
    subscriptions.allActive();
    assertThat(subscriptions.version()).isEqualTo(v6);
  }

  @Test
  void reopen_keepsSubscriptionsAndSubscriberState() throws Exception {
    Subscription eth =
        sub(ALICE, "ETH", EnumSet.of(Topic.FUNDING, Topic.OI), OptionalDouble.of(2_500.5));
    subscriptions.put(eth);
    subscriptions.mute(ALICE, T0.plusSeconds(600));
    subscriptions.put(liq(BOB, "BTC"));
    subscriptions.deactivate(BOB, "blocked", T0);

    db.close();
    db = store.open();
    subscriptions = new JdbcSubscriptions(db, clock);

    assertThat(subscriptions.of(ALICE)).containsExactly(eth);
    assertThat(subscriptions.subscriber(ALICE).orElseThrow().mutedUntil())
        .contains(T0.plusSeconds(600));
    assertThat(subscriptions.allActive()).containsExactly(eth);
  }
}
