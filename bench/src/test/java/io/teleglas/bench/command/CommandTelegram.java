package io.teleglas.bench.command;

import io.teleglas.core.testing.FakeBot;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fake Telegram Bot API as the command bench sees it: where the bot polls and posts, the user's
 * side (a private-chat message wakes the bot's held {@code getUpdates}), and the replies with their
 * arrival times. {@link #start} picks {@link LeanCommandTelegram} unless {@code
 * BENCH_TELEGRAM=wiremock} asks for the shared-core {@link FakeTelegramApi}, kept for comparison
 * with the figures measured before. Implementations are thread-safe.
 */
interface CommandTelegram extends AutoCloseable {

  /**
   * Starts the fake chosen by {@code BENCH_TELEGRAM} ({@code lean}, the default, or {@code
   * wiremock}) for one bot {@code token}.
   */
  static CommandTelegram start(String token) {
    return choice().equals("wiremock")
        ? new WireMock(FakeTelegramApi.start(), token)
        : LeanCommandTelegram.start(token);
  }

  /** Which fake {@link #start} uses, for the summary table. */
  static String describe() {
    return choice().equals("wiremock")
        ? "wiremock: shared-core FakeTelegramApi, records after answering, 1 s long-poll hold"
        : "lean: LeanCommandTelegram (JDK HttpServer), records on arrival, 50 s long-poll hold";
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

  /** {@code getUpdates} requests so far: the bot has started polling once this is positive. */
  int getUpdatesCount();

  /**
   * User {@code userId} writes {@code text} in their private chat with the bot (a {@code
   * bot_command} entity when it starts with {@code /}); a held {@code getUpdates} is answered with
   * it at once.
   */
  void sendText(long userId, String text);

  /**
   * The {@code n}th (0-based) successful {@code sendMessage} to {@code chatId}, waiting up to
   * {@code timeout} for it; null when it has not arrived by then.
   */
  Sent awaitSent(long chatId, int n, Duration timeout) throws InterruptedException;

  /** Successful {@code sendMessage} calls to {@code chatId} so far, in arrival order. */
  List<Sent> sentTo(long chatId);

  /**
   * For every {@code sendMessage} so far, how long the fake itself took: from its arrival stamp
   * until the answer was written (the fake's floor under the bot's figures); empty when the fake
   * cannot tell (WireMock stamps after answering).
   */
  Optional<List<Long>> sendServiceNanos();

  /**
   * How the last update from {@code userId} reached the bot, once the bot has polled again after
   * it; empty when the fake cannot tell (WireMock) or not yet.
   */
  default Optional<Delivery> delivery(long userId) {
    return Optional.empty();
  }

  /**
   * Calls answered with an error, by method name (lower case) and description: methods the fake
   * does not know (Telegram's 404) and requests it rejected (400, e.g. HTML Telegram cannot parse).
   * A clean run has none.
   */
  Map<String, Integer> rejected();

  @Override
  void close();

  /**
   * One successful {@code sendMessage}.
   *
   * @param chatId its {@code chat_id}
   * @param text its {@code text}, as sent (HTML)
   * @param parseMode its {@code parse_mode}, or null
   * @param arrivedNanos when it arrived, by {@link System#nanoTime()} in the harness's JVM
   */
  record Sent(long chatId, String text, String parseMode, long arrivedNanos) {}

  /**
   * The way of one update to the bot, all by {@link System#nanoTime()}.
   *
   * @param queuedNanos when the harness queued it
   * @param answeredNanos when the {@code getUpdates} answer carrying it was written
   * @param nextPollNanos when the bot's next {@code getUpdates} arrived: it has read and handed on
   *     the update by then
   */
  record Delivery(long queuedNanos, long answeredNanos, long nextPollNanos) {}

  /**
   * The shared-core WireMock fake. It stamps a call by the wall clock after answering it; the stamp
   * is moved onto the {@link System#nanoTime()} scale through an offset taken at construction
   * (microsecond precision, well below what this fake costs).
   */
  final class WireMock implements CommandTelegram {
    private final FakeTelegramApi api;
    private final FakeBot bot;
    private final long nanoTimeMinusEpochNanos;

    WireMock(FakeTelegramApi api, String token) {
      this.api = api;
      this.bot = api.bot(token);
      this.nanoTimeMinusEpochNanos = System.nanoTime() - epochNanos(Instant.now());
    }

    @Override
    public String baseUrl() {
      return api.baseUrl();
    }

    @Override
    public int getUpdatesCount() {
      return bot.getUpdatesCount();
    }

    @Override
    public void sendText(long userId, String text) {
      bot.sendText(userId, userId, text);
    }

    @Override
    public Sent awaitSent(long chatId, int n, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        List<Sent> sent = sentTo(chatId);
        if (sent.size() > n) {
          return sent.get(n);
        }
        if (System.nanoTime() > deadline) {
          return null;
        }
        Thread.sleep(5); // arrival times come from the fake; polling only costs CPU
      }
    }

    @Override
    public List<Sent> sentTo(long chatId) {
      String chat = Long.toString(chatId);
      return bot.calls().stream()
          .filter(
              c -> c.isMethod("sendMessage") && c.succeeded() && chat.equals(c.param("chat_id")))
          .map(this::sent)
          .toList();
    }

    @Override
    public Optional<List<Long>> sendServiceNanos() {
      return Optional.empty();
    }

    @Override
    public Map<String, Integer> rejected() {
      Map<String, Integer> rejected = new TreeMap<>();
      for (RecordedCall c : bot.calls()) {
        if (!c.succeeded()) {
          String key =
              c.method().toLowerCase(Locale.ROOT)
                  + " "
                  + c.httpStatus()
                  + " "
                  + (c.response() == null ? "reset" : c.response().path("description").asText());
          rejected.merge(key, 1, Integer::sum);
        }
      }
      return rejected;
    }

    @Override
    public void close() {
      api.close();
    }

    private Sent sent(RecordedCall c) {
      return new Sent(
          Long.parseLong(c.param("chat_id")),
          c.param("text"),
          c.param("parse_mode"),
          epochNanos(c.receivedAt()) + nanoTimeMinusEpochNanos);
    }

    private static long epochNanos(Instant t) {
      return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
  }
}
