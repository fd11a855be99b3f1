package io.teleglas.alertbot.source;

import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.Instrument;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Venue;

/** Instrument names from the wire resolved through the catalog, never guessed. */
public final class Listings {
  private Listings() {}

  /**
   * The instrument {@code name} stands for on {@code venue}: a catalog entry (such as {@code
   * 1000PEPEUSDT} or {@code kPEPE}) or a name that follows the venue's plain rule.
   *
   * @throws WireFormatException for any other name, so the item is dropped and counted
   */
  public static Instrument require(InstrumentCatalog catalog, Venue venue, String name) {
    return catalog
        .byName(venue, name)
        .orElseThrow(
            () ->
                new WireFormatException(
                    "instrument " + name + " is neither listed nor a plain " + venue + " name"));
  }
}
