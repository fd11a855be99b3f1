package io.teleglas.core.coinglass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Envelopes from market-apis.md §A.1-A.2 (official table and third-party-observed bodies). */
class RefusalsTest {
  private static final Query STANDARD_ONLY = Query.of(Endpoint.RSI_LIST);
  private static final Query ALL_PLANS = Query.of(Endpoint.PAIRS_MARKETS);

  private static Envelope envelope(String code, String msg) {
    return new Envelope(code, msg, JsonNodeFactory.instance.arrayNode());
  }

  private static Optional<Reason> reason(int status, Envelope envelope, Query query) {
    return Refusals.<Object>classify(status, envelope, query)
        .map(f -> ((Fetched.Unavailable<Object>) f).reason());
  }

  @ParameterizedTest
  @CsvSource({"200,401", "200,400", "200,40001", "401,401", "403,401"})
  void classify_upgradePlanIsPlanWhateverTheCode(int status, String code) {
    Optional<Fetched<Object>> refusal =
        Refusals.classify(status, envelope(code, "Upgrade plan"), STANDARD_ONLY);

    assertThat(refusal)
        .contains(Fetched.unavailable(Reason.PLAN, "needs CoinGlass Standard plan", "CoinGlass"));
  }

  @Test
  void classify_planRefusalOfAnAllPlansEndpointAsksForAHigherPlan() {
    assertThat(Refusals.classify(200, envelope("401", "Upgrade plan"), ALL_PLANS))
        .contains(Fetched.unavailable(Reason.PLAN, "needs a higher CoinGlass plan", "CoinGlass"));
    assertThat(
            Refusals.classify(
                200, envelope("401", "Upgrade plan"), ALL_PLANS.needing(Plan.STARTUP)))
        .contains(Fetched.unavailable(Reason.PLAN, "needs CoinGlass Startup plan", "CoinGlass"));
  }

  @ParameterizedTest
  @CsvSource(
      textBlock =
          """
          200, 0,     success,                    ,
          200, 429,   Rate limit exceeded,        RATE_LIMITED
          429, ,      ,                           RATE_LIMITED
          200, 401,   Invalid or missing API key, NO_API_KEY
          200, 400,   API key missing.,           NO_API_KEY
          401, ,      ,                           NO_API_KEY
          200, 408,   Request timeout,            TIMEOUT
          500, 500,   An unexpected error,        UPSTREAM_ERROR
          502, ,      ,                           UPSTREAM_ERROR
          200, 400,   Missing or invalid params,  UPSTREAM_ERROR
          404, 404,   Endpoint not found,         UPSTREAM_ERROR
          """)
  void classify_mapsCodesAndStatuses(int status, String code, String msg, Reason expected) {
    Envelope envelope = code == null ? null : envelope(code, msg);

    assertThat(reason(status, envelope, ALL_PLANS)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void classify_successWithoutDataIsAnUpstreamError() {
    assertThat(reason(200, new Envelope("0", "success", null), ALL_PLANS))
        .contains(Reason.UPSTREAM_ERROR);
  }

  @Test
  void classify_neverEchoesUnprintableCodes() {
    Optional<Fetched<Object>> refusal =
        Refusals.classify(200, envelope("<b>x</b>", "nope"), ALL_PLANS);

    assertThat(refusal)
        .contains(
            Fetched.unavailable(Reason.UPSTREAM_ERROR, "CoinGlass error code ?", "CoinGlass"));
  }

  @Test
  void failure_timeoutsAreTimeoutsAndTheRestUnreachable() {
    Duration timeout = Duration.ofSeconds(10);

    assertThat(Refusals.failure(new InterruptedIOException("timeout"), timeout))
        .isEqualTo(
            Fetched.unavailable(
                Reason.TIMEOUT, "CoinGlass did not answer within 10 s", "CoinGlass"));
    assertThat(
            ((Fetched.Unavailable<?>) Refusals.failure(new SocketTimeoutException(), timeout))
                .reason())
        .isEqualTo(Reason.TIMEOUT);
    assertThat(
            ((Fetched.Unavailable<?>) Refusals.failure(new IOException("refused"), timeout))
                .reason())
        .isEqualTo(Reason.UPSTREAM_ERROR);
  }
}
