package io.teleglas.alertbot.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.core.exchange.WireFormatException;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.Venue;
import org.junit.jupiter.api.Test;

class NameCacheTest {
  private final InstrumentCatalog catalog = InstrumentCatalog.bundled();
  private final NameCache cache = new NameCache(catalog, Venue.BINANCE);

  @Test
  void require_answersAsListingsDoForPlainAndListedNames() {
    for (String name : new String[] {"BTCUSDT", "1000PEPEUSDT", "btcusdt", "SOLUSDT"}) {
      assertThat(cache.require(name)).isEqualTo(Listings.require(catalog, Venue.BINANCE, name));
      assertThat(cache.require(name)).isEqualTo(Listings.require(catalog, Venue.BINANCE, name));
    }
    assertThat(cache.size()).isEqualTo(4);
  }

  @Test
  void require_refusesAnUnknownNameEveryTimeAndDoesNotRememberIt() {
    assertThatThrownBy(() -> cache.require("BTC-PERP")).isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> cache.require("BTC-PERP")).isInstanceOf(WireFormatException.class);

    assertThat(cache.size()).isZero();
  }

  @Test
  void require_stopsRememberingPastTheBoundButStillAnswers() {
    for (int i = 0; i < NameCache.MAX_NAMES + 10; i++) {
      cache.require("C" + Integer.toString(i, 36).toUpperCase() + "XUSDT");
    }

    assertThat(cache.size()).isEqualTo(NameCache.MAX_NAMES);
    assertThat(cache.require("ZZZZXUSDT").coin().symbol()).isEqualTo("ZZZZX");
  }
}
