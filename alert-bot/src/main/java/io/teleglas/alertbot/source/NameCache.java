package io.teleglas.alertbot.source;

import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Venue;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Listings#require} for one venue, remembering the names it resolved: resolving a plain name
 * such as {@code BTCUSDT} runs the catalog's name rules (regular expressions) and builds a new
 * {@link Instrument}, which was a sixth of the reader thread's time in the warm flood, for the same
 * few dozen names on every frame. The catalog is immutable, so a remembered answer stays right.
 *
 * <p>Only resolved names are remembered, and at most {@link #MAX_NAMES} of them, so names made up
 * on the wire cannot grow it without bound; past that, names are resolved each time as before. A
 * name that does not resolve throws every time, exactly as {@link Listings#require}. Thread-safe.
 */
public final class NameCache {
  /** Far more than any venue lists (Binance has about 500 perpetuals). */
  static final int MAX_NAMES = 4_096;

  private final InstrumentCatalog catalog;
  private final Venue venue;
  private final Map<String, Instrument> resolved = new ConcurrentHashMap<>();

  public NameCache(InstrumentCatalog catalog, Venue venue) {
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
    this.venue = Objects.requireNonNull(venue, "venue is null");
  }

  /**
   * The instrument {@code name} stands for, as {@link Listings#require} answers it.
   *
   * @throws io.teleglas.core.exchange.WireFormatException for a name that is neither listed nor
   *     plain
   */
  public Instrument require(String name) {
    Instrument known = resolved.get(name);
    if (known != null) {
      return known;
    }
    Instrument found = Listings.require(catalog, venue, name);
    if (resolved.size() < MAX_NAMES) {
      resolved.putIfAbsent(name, found);
    }
    return found;
  }

  /** How many names are remembered. */
  int size() {
    return resolved.size();
  }
}
