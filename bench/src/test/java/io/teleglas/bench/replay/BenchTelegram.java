package io.teleglas.bench.replay;

import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.RecordedCall;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The fake Telegram Bot API as the replay sees it: where the bot posts, what arrived and when, and
 * the two faults the cascade runs arm. {@link #start} picks {@link LeanTelegram} unless {@code
 * BENCH_TELEGRAM=wiremock} asks for the shared-core {@link FakeTelegramApi}, kept for comparison.
 * Implementations are thread-safe.
 */
interface BenchTelegram extends AutoCloseable {

  /**
   * Starts the fake chosen by {@code BENCH_TELEGRAM} ({@code lean}, the default, or {@code
   * wiremock}).
   */
  static BenchTelegram start(String token) {
    return choice().equals("wiremock")
        ? new WireMock(FakeTelegramApi.start(), token)
        : LeanTelegram.start();
  }

  /** Which fake {@link #start} uses, for the summary table. */
  static String describe() {
    return choice().equals("wiremock")
        ? "wiremock: shared-core FakeTelegramApi, records after answering"
        : "lean: LeanTelegram (JDK HttpServer), records on arrival";
  }

  private static String choice() {
    String which = System.getenv().getOrDefault("BENCH_TELEGRAM", "lean").toLowerCase(Locale.ROOT);
    if (!which.equals("lean") && !which.equals("wiremock")) {
      throw new IllegalArgumentException("BENCH_TELEGRAM must be lean or wiremock: " + which);
    }
    return which;
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  String baseUrl();

  /**
   * The recorded calls of {@code method} (case-insensitive), failed ones included, in arrival
   * order; {@link RecordedCall#receivedAt()} is by the wall clock ({@code Instant.now()}).
   */
  List<RecordedCall> calls(String method);

  /** Delays every answer to a send by {@code latency}, after its arrival was recorded. */
  void sendLatency(Duration latency);

  /** The next {@code times} sends get HTTP 429 with {@code retry_after} {@code seconds}. */
  void rateLimitNextSends(int times, int retryAfterSeconds);

  @Override
  void close();

  /** The shared-core WireMock fake, which records a call after answering it. */
  final class WireMock implements BenchTelegram {
    private final FakeTelegramApi api;

    WireMock(FakeTelegramApi api, String token) {
      this.api = api;
      api.bot(token);
    }

    @Override
    public String baseUrl() {
      return api.baseUrl();
    }

    @Override
    public List<RecordedCall> calls(String method) {
      return api.calls(method);
    }

    @Override
    public void sendLatency(Duration latency) {
      api.sendLatency(latency);
    }

    @Override
    public void rateLimitNextSends(int times, int retryAfterSeconds) {
      api.rateLimitNext(FakeTelegramApi.ANY_SEND, times, retryAfterSeconds);
    }

    @Override
    public void close() {
      api.close();
    }
  }
}
