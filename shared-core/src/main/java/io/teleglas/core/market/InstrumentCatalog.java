package io.teleglas.core.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which instrument each venue lists for a coin, and which coin an instrument name stands for.
 * Instruments in the table win; any other coin gets its venue's naming rule ({@link
 * Venue#perpetualName}).
 *
 * <p>The {@link #bundled()} table lists only the multiplier contracts (1000PEPEUSDT, kPEPE, ...)
 * known when it was written; pass the venues' live instrument lists to the constructor to replace
 * it. Immutable and safe to share between threads.
 */
public final class InstrumentCatalog {

  static final String BUNDLED_TABLE = "multiplier-instruments.txt";

  private final Map<Venue, Map<Coin, Instrument>> byCoin = new EnumMap<>(Venue.class);
  private final Map<Venue, Map<String, Instrument>> byName = new EnumMap<>(Venue.class);
  private final Set<Coin> multiplierCoins = new HashSet<>();

  /**
   * @param instruments in order of preference: when a venue lists several for one coin, the first
   *     is the one {@link #instrument} returns
   * @throws IllegalArgumentException if a venue lists one name twice
   */
  public InstrumentCatalog(List<Instrument> instruments) {
    for (Venue venue : Venue.values()) {
      byCoin.put(venue, new HashMap<>());
      byName.put(venue, new HashMap<>());
    }
    for (Instrument instrument : instruments) {
      Venue venue = instrument.venue();
      if (byName.get(venue).putIfAbsent(venue.nameKey(instrument.name()), instrument) != null) {
        throw new IllegalArgumentException(
            "instrument listed twice: " + venue + " " + instrument.name());
      }
      byCoin.get(venue).putIfAbsent(instrument.coin(), instrument);
      if (instrument.multiplier() > 1) {
        multiplierCoins.add(instrument.coin());
      }
    }
  }

  /**
   * The catalog of the multiplier contracts bundled with this library ({@value #BUNDLED_TABLE}).
   */
  public static InstrumentCatalog bundled() {
    try (InputStream in = InstrumentCatalog.class.getResourceAsStream(BUNDLED_TABLE)) {
      if (in == null) {
        throw new IllegalStateException("bundled instrument table is missing: " + BUNDLED_TABLE);
      }
      Reader table = new InputStreamReader(in, StandardCharsets.UTF_8);
      return new InstrumentCatalog(InstrumentTable.parse(table, BUNDLED_TABLE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled instrument table " + BUNDLED_TABLE, e);
    }
  }

  /**
   * The venue's instrument for the coin: the table's, else the one the venue's naming rule gives.
   */
  public Instrument instrument(Coin coin, Venue venue) {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(venue, "venue is null");
    Instrument listed = byCoin.get(venue).get(coin);
    return listed != null ? listed : Instrument.perpetual(venue, coin);
  }

  /**
   * The instrument a venue's name stands for: the table's, else the naming rule read backwards
   * ({@code BTCUSDT} on Binance is BTC). Empty for names that follow neither, for
   * multiplier-looking names the table lacks, and for a rule name when the table gives that coin
   * another instrument (Binance {@code PEPEUSDT}, where PEPE trades as {@code 1000PEPEUSDT}).
   * Case-insensitive except on Hyperliquid.
   */
  public Optional<Instrument> byName(Venue venue, String name) {
    Objects.requireNonNull(venue, "venue is null");
    Objects.requireNonNull(name, "name is null");
    String key = venue.nameKey(name);
    Instrument listed = byName.get(venue).get(key);
    if (listed != null) {
      return Optional.of(listed);
    }
    return venue
        .perpetualCoin(key)
        .filter(coin -> !byCoin.get(venue).containsKey(coin))
        .map(coin -> Instrument.perpetual(venue, coin));
  }

  /**
   * Whether some venue in the table trades the coin per more than one coin (PEPE, SHIB, not BTC).
   */
  public boolean hasMultiplier(Coin coin) {
    return multiplierCoins.contains(Objects.requireNonNull(coin, "coin is null"));
  }
}
