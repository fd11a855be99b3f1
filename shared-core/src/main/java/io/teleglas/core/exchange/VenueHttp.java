package io.teleglas.core.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One venue's HTTP calls: sends a request with the shared {@link OkHttpClient} (asynchronously),
 * records it in the {@link UpstreamMeter}, and turns the answer into a {@link Fetched} wire DTO.
 * HTTP 429 and 418 are {@code RATE_LIMITED}, timeouts {@code TIMEOUT}; the venue's own error codes
 * are read by its {@link VenueErrors}; other HTTP errors, connection failures and bodies that are
 * not the expected JSON are {@code UPSTREAM_ERROR}. The returned futures never complete
 * exceptionally. Thread-safe.
 */
public final class VenueHttp {
  private static final MediaType JSON = MediaType.get("application/json");

  private final String source;
  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final UpstreamMeter meter;
  private final VenueErrors errors;

  /**
   * @param source the venue's name as sources are shown ("Binance"), also the meter's upstream
   * @param mapper the process's mapper; a {@link Wire#lenient lenient copy} is used
   */
  public VenueHttp(
      String source,
      OkHttpClient http,
      ObjectMapper mapper,
      Clock clock,
      UpstreamMeter meter,
      VenueErrors errors) {
    this.source = Objects.requireNonNull(source, "source is null");
    this.http = Objects.requireNonNull(http, "http is null");
    this.mapper = Wire.lenient(Objects.requireNonNull(mapper, "mapper is null"));
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.meter = Objects.requireNonNull(meter, "meter is null");
    this.errors = Objects.requireNonNull(errors, "errors is null");
  }

  public String source() {
    return source;
  }

  /**
   * GETs {@code url} and reads the answer as {@code type}.
   *
   * @param endpoint short name for metrics, e.g. {@code /fapi/v1/ticker/24hr}
   * @param instrument the instrument asked about, for an "unknown symbol" answer
   */
  public <D> CompletableFuture<Fetched<D>> get(
      String endpoint, String instrument, HttpUrl url, TypeReference<D> type) {
    return send(endpoint, instrument, new Request.Builder().url(url).get().build(), type);
  }

  /** POSTs {@code body} as JSON to {@code url} and reads the answer as {@code type}. */
  public <D> CompletableFuture<Fetched<D>> post(
      String endpoint, String instrument, HttpUrl url, Object body, TypeReference<D> type) {
    byte[] json;
    try {
      json = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body is not serializable", e);
    }
    Request request = new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build();
    return send(endpoint, instrument, request, type);
  }

  private <D> CompletableFuture<Fetched<D>> send(
      String endpoint, String instrument, Request request, TypeReference<D> type) {
    CompletableFuture<Fetched<D>> result = new CompletableFuture<>();
    Instant start = clock.instant();
    http.newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                finish(failure(e));
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  finish(read(response, instrument, type));
                } catch (IOException e) {
                  finish(failure(e));
                } catch (RuntimeException e) {
                  finish(Failures.unreadable(source));
                }
              }

              private void finish(Fetched<D> outcome) {
                meter.record(
                    source,
                    endpoint,
                    UpstreamMeter.outcome(outcome),
                    Duration.between(start, clock.instant()));
                result.complete(outcome);
              }
            });
    return result;
  }

  private <D> Fetched<D> failure(IOException e) {
    return e instanceof InterruptedIOException
        ? Failures.timedOut(source)
        : Failures.unreachable(source);
  }

  private <D> Fetched<D> read(Response response, String instrument, TypeReference<D> type)
      throws IOException {
    int status = response.code();
    if (status == 429 || status == 418) {
      return Failures.rateLimited(source);
    }
    Optional<Fetched.Reason> byStatus = errors.forStatus(status);
    if (byStatus.isPresent()) {
      return Failures.of(byStatus.get(), source, instrument);
    }
    ResponseBody body = response.body();
    JsonNode json;
    try {
      json = body == null ? null : mapper.readTree(body.bytes());
    } catch (JsonProcessingException e) {
      json = null;
    }
    if (json == null || json.isMissingNode() || json.isNull()) {
      return response.isSuccessful() ? Failures.unreadable(source) : httpError(status);
    }
    Optional<Fetched.Reason> reported = errors.reported(status, json);
    if (reported.isPresent()) {
      return Failures.of(reported.get(), source, instrument);
    }
    if (!response.isSuccessful()) {
      return httpError(status);
    }
    try {
      return Fetched.value(mapper.convertValue(json, type), source, clock.instant());
    } catch (IllegalArgumentException e) {
      return Failures.unreadable(source);
    }
  }

  private <D> Fetched<D> httpError(int status) {
    return Failures.httpError(source, status);
  }
}
