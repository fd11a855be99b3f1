package io.teleglas.alertbot.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.market.Exchange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The primitive memory must behave exactly as the object form it replaces (a queue of remembered
 * keys plus a map from key to expiry, {@link Reference} below): checked over long seeded random
 * runs with small rings, so that eviction, expiry, re-remembering and the index's deletions all
 * happen many times over colliding probe runs.
 */
class NumericTradeIdsTest {

  /** The object form, as EventDeduplicator kept it before. */
  private static final class Reference {
    private record Key(int instrument, long id, long millis) {}

    private record Entry(Key key, long until) {}

    private final int capacity;
    private final Map<Key, Long> until = new HashMap<>();
    private final Deque<Entry> order = new ArrayDeque<>();

    Reference(int capacity) {
      this.capacity = capacity;
    }

    void forgetExpired(long now) {
      while (!order.isEmpty() && (order.size() > capacity || order.peekFirst().until() <= now)) {
        Entry gone = order.removeFirst();
        until.remove(gone.key(), gone.until());
      }
    }

    boolean seen(int instrument, long id, long millis, long now) {
      Long u = until.get(new Key(instrument, id, millis));
      return u != null && u > now;
    }

    void remember(int instrument, long id, long millis, long expiry, long now) {
      Key key = new Key(instrument, id, millis);
      until.put(key, expiry);
      order.addLast(new Entry(key, expiry));
      forgetExpired(now);
    }
  }

  @Test
  void behavesAsTheObjectFormOverLongRandomRuns() {
    for (int capacity : List.of(1, 2, 3, 8, 61, 256)) {
      Random random = new Random(capacity);
      NumericTradeIds ids = new NumericTradeIds(capacity);
      Reference reference = new Reference(capacity);
      long now = 1_000;
      for (int step = 0; step < 200_000; step++) {
        now += random.nextInt(3);
        ids.forgetExpired(now, capacity);
        reference.forgetExpired(now);
        int instrument = random.nextInt(3);
        long id = random.nextInt(capacity + 4);
        // As in the deduplicator: the expiry is the trade's time plus the window, and a trade
        // already past it is too old and never looked up.
        long millis = now - random.nextInt(40);
        long expiry = millis + 30;
        if (expiry <= now) {
          continue;
        }
        boolean seen = ids.seen(instrument, id, millis, now);
        assertThat(seen)
            .as("capacity %d step %d", capacity, step)
            .isEqualTo(reference.seen(instrument, id, millis, now));
        if (!seen) {
          ids.remember(instrument, id, millis, expiry, now);
          reference.remember(instrument, id, millis, expiry, now);
        }
        assertThat(ids.keys()).isEqualTo(reference.until.size());
      }
    }
  }

  @Test
  void parseId_takesOnlyCanonicalDecimals() {
    assertThat(NumericTradeIds.parseId("0")).isZero();
    assertThat(NumericTradeIds.parseId("42")).isEqualTo(42);
    assertThat(NumericTradeIds.parseId("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
    for (String other :
        List.of("", "007", "-1", "+1", "1.0", "1e3", " 1", "abc", "1234567890123456789")) {
      assertThat(NumericTradeIds.parseId(other)).as(other).isEqualTo(-1);
    }
  }

  @Test
  void code_numbersEachExchangeAndInstrumentPairOnce() {
    NumericTradeIds ids = new NumericTradeIds(4);

    int btcOnBinance = ids.code(Exchange.BINANCE, "BTCUSDT");
    int btcOnBybit = ids.code(Exchange.BYBIT, "BTCUSDT");

    assertThat(btcOnBinance).isNotEqualTo(btcOnBybit);
    assertThat(ids.code(Exchange.BINANCE, new String("BTCUSDT"))).isEqualTo(btcOnBinance);
  }
}
