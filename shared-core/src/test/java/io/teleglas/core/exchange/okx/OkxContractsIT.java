package io.teleglas.core.exchange.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.teleglas.core.exchange.VenueStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.exchange.VenueStub;
import io.teleglas.core.testing.MutableClock;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OkxContracts} against WireMock. {@code instruments-swap.json} is the documented
 * instruments answer ([OKX-SITE] {@code #public-data-rest-api-get-instruments}) listing the three
 * contracts whose values market-apis §C.3 records from live answers: BTC-USDT-SWAP 0.01 BTC,
 * ETH-USDT-SWAP 0.1 ETH (other fields as BTC's) and the inverse BTC-USD-SWAP 100 USD. {@code
 * instruments-swap-odd-rows.json} is made up for the test: one good row beside a swap without
 * {@code ctVal}, a linear swap valued in USD and a USDC-margined swap. {@code
 * instruments-btc-inverse.json} lists a single inverse row.
 */
class OkxContractsIT {
  private static final String PATH = "/api/v5/public/instruments";

  private final VenueStub stub = new VenueStub();
  private final MutableClock clock = new MutableClock(VenueStub.NOW);
  private final OkxContracts contracts =
      new OkxContracts(stub.baseUri(), stub.http, stub.mapper, clock, stub.meter);

  @AfterEach
  void stop() {
    stub.close();
  }

  private void serve(String fixture) {
    stub.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("okx/" + fixture))));
  }

  private Map<String, Double> values() {
    Fetched<Map<String, Double>> fetched = contracts.contractValues().join();
    assertThat(fetched).isInstanceOf(Fetched.Value.class);
    assertThat(((Fetched.Value<Map<String, Double>>) fetched).source()).isEqualTo("OKX");
    return ((Fetched.Value<Map<String, Double>>) fetched).value();
  }

  private Reason failure() {
    Fetched<Map<String, Double>> fetched = contracts.contractValues().join();
    assertThat(fetched).isInstanceOf(Fetched.Unavailable.class);
    return ((Fetched.Unavailable<Map<String, Double>>) fetched).reason();
  }

  private int requests() {
    return stub.server.findAll(getRequestedFor(urlPathEqualTo(PATH))).size();
  }

  @Test
  void contractValues_asksForEverySwapInOneRequest() {
    serve("instruments-swap.json");

    values();

    stub.server.verify(
        1,
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("instType", equalTo("SWAP"))
            .withQueryParam("instId", absent()));
  }

  @Test
  void contractValues_listsLinearUsdtSwapsInCoinsAndLeavesOutInverseSwaps() {
    serve("instruments-swap.json");

    assertThat(values())
        .containsExactlyInAnyOrderEntriesOf(Map.of("BTC-USDT-SWAP", 0.01, "ETH-USDT-SWAP", 0.1));
  }

  @Test
  void contractValues_leavesOutRowsItCannotSizeAndKeepsTheRest() {
    serve("instruments-swap-odd-rows.json");

    assertThat(values()).containsExactly(Map.entry("BTC-USDT-SWAP", 0.01));
  }

  @Test
  void contractValues_isUnreadableWhenNoRowIsALinearUsdtSwap() {
    serve("instruments-btc-inverse.json");

    assertThat(failure()).isEqualTo(Reason.UPSTREAM_ERROR);
  }

  @Test
  void contractValues_isCachedForHours() {
    serve("instruments-swap.json");

    values();
    clock.advance(OkxEndpoints.CONTRACT_TTL.minusMinutes(1));
    values();
    assertThat(requests()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(2));
    values();
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void contractValues_retriesSoonAfterARateLimit() {
    stub.server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(okJson(fixture("okx/error-too-many-requests.json")).withStatus(429)));

    assertThat(failure()).isEqualTo(Reason.RATE_LIMITED);

    serve("instruments-swap.json");
    clock.advance(Duration.ofSeconds(6));
    assertThat(values()).containsKey("BTC-USDT-SWAP");
    assertThat(requests()).isEqualTo(2);
  }
}
