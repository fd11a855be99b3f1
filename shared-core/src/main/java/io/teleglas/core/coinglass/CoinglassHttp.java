package io.teleglas.core.coinglass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.teleglas.core.config.Secret;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one GET to CoinGlass and turns whatever happens into a {@link Fetched}: takes a request
 * from the rate limiter first (refusing at once when the budget is spent), bounds the whole call by
 * the timeout, adopts the budget headers of every answer, classifies refusals, decodes the data and
 * records the call's outcome and latency. The returned future always completes normally.
 * Thread-safe; callbacks run on OkHttp's dispatcher threads.
 */
final class CoinglassHttp {
  private static final Logger log = LoggerFactory.getLogger(CoinglassHttp.class);
  private static final String KEY_HEADER = "CG-API-KEY";

  /** Turns the {@code data} of a success envelope into a result, or throws on unreadable data. */
  interface Decoder<T> {
    Fetched<T> decode(JsonNode data, Instant at) throws IOException;
  }

  private final HttpUrl baseUrl;
  private final Secret apiKey;
  private final OkHttpClient http;
  private final ObjectReader envelopes;
  private final Clock clock;
  private final UpstreamMeter meter;
  private final CoinglassRateLimiter limiter;
  private final Duration timeout;

  CoinglassHttp(
      HttpUrl baseUrl,
      Secret apiKey,
      OkHttpClient http,
      ObjectMapper mapper,
      Clock clock,
      UpstreamMeter meter,
      CoinglassRateLimiter limiter,
      Duration timeout) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.http = http;
    this.envelopes = mapper.readerFor(Envelope.class);
    this.clock = clock;
    this.meter = meter;
    this.limiter = limiter;
    this.timeout = timeout;
  }

  <T> CompletableFuture<Fetched<T>> get(Query query, Decoder<T> decoder) {
    CompletableFuture<Fetched<T>> result = new CompletableFuture<>();
    Instant start = clock.instant();
    if (!limiter.tryAcquire()) {
      finish(result, query, start, Refusals.budgetSpent(limiter.budget().limitPerMinute()));
      return result;
    }
    try {
      Call call = http.newCall(request(query));
      call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
      call.enqueue(
          new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
              finish(result, query, start, Refusals.failure(e, timeout));
            }

            @Override
            public void onResponse(Call call, Response response) {
              finish(result, query, start, read(response, query, decoder));
            }
          });
    } catch (RuntimeException e) {
      log.warn("CoinGlass {}: request not sent: {}", query.endpoint().metricName(), e.toString());
      finish(result, query, start, Refusals.failure(new IOException(e), timeout));
    }
    return result;
  }

  private Request request(Query query) {
    HttpUrl.Builder url =
        baseUrl.newBuilder().addPathSegments(query.endpoint().path().substring(1));
    query.params().forEach(url::addQueryParameter);
    return new Request.Builder()
        .url(url.build())
        .header(KEY_HEADER, apiKey.reveal())
        .header("Accept", "application/json")
        .get()
        .build();
  }

  private <T> Fetched<T> read(Response response, Query query, Decoder<T> decoder) {
    String body;
    try (response) {
      limiter.observe(header(response, "API-KEY-MAX-LIMIT"), header(response, "API-KEY-USE-LIMIT"));
      if (response.code() == 429) {
        limiter.exhausted();
        return Fetched.unavailable(
            Fetched.Reason.RATE_LIMITED, "CoinGlass rate limit reached", Refusals.SOURCE);
      }
      ResponseBody responseBody = response.body();
      body = responseBody == null ? "" : responseBody.string();
    } catch (IOException e) {
      return Refusals.failure(e, timeout);
    }
    Envelope envelope = envelope(body);
    Optional<Fetched<T>> refusal = Refusals.classify(response.code(), envelope, query);
    if (refusal.isPresent()) {
      noteRefusal(query, envelope, refusal.get());
      return refusal.get();
    }
    try {
      return decoder.decode(envelope.data(), clock.instant());
    } catch (IOException | RuntimeException e) {
      log.warn("CoinGlass {}: unreadable data: {}", query.endpoint().metricName(), e.toString());
      return Refusals.unreadable();
    }
  }

  private Envelope envelope(String body) {
    try {
      return envelopes.readValue(body);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void noteRefusal(Query query, Envelope envelope, Fetched<?> refusal) {
    if (refusal instanceof Fetched.Unavailable<?> u) {
      if (u.reason() == Fetched.Reason.RATE_LIMITED) {
        limiter.exhausted();
      }
      log.debug(
          "CoinGlass {} refused: code {} msg {}",
          query.endpoint().metricName(),
          envelope == null ? null : envelope.code(),
          envelope == null ? null : envelope.msg());
    }
  }

  private <T> void finish(
      CompletableFuture<Fetched<T>> result, Query query, Instant start, Fetched<T> outcome) {
    try {
      meter.record(
          Refusals.SOURCE,
          query.endpoint().metricName(),
          UpstreamMeter.outcome(outcome),
          Duration.between(start, clock.instant()));
    } catch (RuntimeException e) {
      log.warn("could not record a CoinGlass call: {}", e.toString());
    } finally {
      result.complete(outcome);
    }
  }

  private static OptionalInt header(Response response, String name) {
    String value = response.header(name);
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
