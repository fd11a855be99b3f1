package io.teleglas.alertbot.stream;

import io.teleglas.core.market.Exchange;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link EventDeduplicator}'s memory of trades whose venue id is a plain decimal number (Binance,
 * OKX, Hyperliquid: nearly every event), in primitive arrays allocated once. The object form of the
 * same memory (a key record, its id string, an entry and a map node per trade, 100 000 of them
 * living for as long as 100 000 newer trades take to arrive) was promoted by every young collection
 * of a 64 MB heap in a flood and made the old generation fill and be collected every second; this
 * form allocates nothing per trade.
 *
 * <p>Same rules as the object form: a key is (exchange, instrument, id, trade time in ms); keys are
 * kept in insertion order in a ring, at most {@code capacity}, with their expiry; a key re-seen
 * after it expired is appended again and its old slot left in place, dead, until it reaches the
 * head (as the object form's queue kept a stale entry); the head goes when the ring is full or its
 * expiry has passed. An open-addressing index (linear probing, backward-shift deletion) finds a
 * key's slot. Each exchange and instrument pair is numbered on first sight, up to {@link
 * #MAX_INSTRUMENTS}; after that {@link #code} answers -1 and the caller keeps the trade in the
 * object form. Not thread-safe: the deduplicator's lock guards it.
 */
final class NumericTradeIds {
  /** Far more instruments than all venues list together; a bound against made-up names. */
  static final int MAX_INSTRUMENTS = 1 << 16;

  private static final long DEAD = Long.MIN_VALUE;

  private final int capacity;
  private final int slots;
  private final long[] ids;
  private final long[] millis;
  private final long[] until;
  private final int[] instruments;
  private final int[] index;
  private final int mask;
  private final Map<Exchange, Map<String, Integer>> instrumentCodes = new HashMap<>();
  private int codes;
  private int head;
  private int used;
  private int keys;

  NumericTradeIds(int capacity) {
    this.capacity = capacity;
    // One slot more than the capacity: a key is appended before the oldest is let go.
    this.slots = capacity + 1;
    this.ids = new long[slots];
    this.millis = new long[slots];
    this.until = new long[slots];
    this.instruments = new int[slots];
    int size = Integer.highestOneBit(slots * 2 - 1) * 2;
    this.index = new int[size];
    this.mask = size - 1;
  }

  /**
   * The id as a number when {@code tradeId} is a canonical decimal (no sign, no leading zero, at
   * most 18 digits), so that equal numbers mean equal strings; else -1.
   */
  static long parseId(String tradeId) {
    int n = tradeId.length();
    if (n == 0 || n > 18 || (n > 1 && tradeId.charAt(0) == '0')) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = tradeId.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * The number of {@code instrument} on {@code exchange}, assigned on first sight; -1 once {@link
   * #MAX_INSTRUMENTS} are.
   */
  int code(Exchange exchange, String instrument) {
    Map<String, Integer> names = instrumentCodes.computeIfAbsent(exchange, e -> new HashMap<>());
    Integer known = names.get(instrument);
    if (known != null) {
      return known;
    }
    if (codes >= MAX_INSTRUMENTS) {
      return -1;
    }
    names.put(instrument, codes);
    return codes++;
  }

  /** Whether the key is remembered with an expiry after {@code now}. */
  boolean seen(int instrument, long id, long tradeMillis, long now) {
    int slot = find(instrument, id, tradeMillis);
    return slot >= 0 && until[slot] > now;
  }

  /**
   * Remembers the key until {@code expiry}, then forgets as {@link #forgetExpired} does; a key
   * already in the index (expired) keeps its old slot, dead.
   */
  void remember(int instrument, long id, long tradeMillis, long expiry, long now) {
    int old = find(instrument, id, tradeMillis);
    if (old >= 0) {
      unindex(old);
      until[old] = DEAD;
    }
    int slot = (head + used) % slots;
    ids[slot] = id;
    millis[slot] = tradeMillis;
    until[slot] = expiry;
    instruments[slot] = instrument;
    used++;
    int i = hash(instrument, id, tradeMillis) & mask;
    while (index[i] != 0) {
      i = (i + 1) & mask;
    }
    index[i] = slot + 1;
    keys++;
    forgetExpired(now, capacity);
  }

  /** Forgets from the head while the ring holds more than {@code limit} or the head expired. */
  void forgetExpired(long now, int limit) {
    while (used > 0 && (used > limit || until[head] <= now)) {
      forgetHead();
    }
  }

  /** Keys remembered (dead slots not counted). */
  int keys() {
    return keys;
  }

  private void forgetHead() {
    if (until[head] != DEAD) {
      unindex(head);
    }
    until[head] = DEAD;
    head = (head + 1) % slots;
    used--;
  }

  private int find(int instrument, long id, long tradeMillis) {
    for (int i = hash(instrument, id, tradeMillis) & mask; index[i] != 0; i = (i + 1) & mask) {
      int slot = index[i] - 1;
      if (ids[slot] == id && millis[slot] == tradeMillis && instruments[slot] == instrument) {
        return slot;
      }
    }
    return -1;
  }

  /** Removes {@code slot} from the index, shifting later entries of its probe run back. */
  private void unindex(int slot) {
    int i = hash(instruments[slot], ids[slot], millis[slot]) & mask;
    while (index[i] != slot + 1) {
      i = (i + 1) & mask;
    }
    int hole = i;
    for (int j = (hole + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
      int s = index[j] - 1;
      int home = hash(instruments[s], ids[s], millis[s]) & mask;
      // Move the entry at j into the hole unless its home lies cyclically in (hole, j].
      boolean homeAfterHole = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!homeAfterHole) {
        index[hole] = index[j];
        hole = j;
      }
    }
    index[hole] = 0;
    keys--;
  }

  private static int hash(int instrument, long id, long tradeMillis) {
    long h = id * 0x9E3779B97F4A7C15L;
    h ^= tradeMillis * 0xC2B2AE3D27D4EB4FL;
    h ^= instrument * 0x165667B19E3779F9L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ h >>> 32);
  }
}
