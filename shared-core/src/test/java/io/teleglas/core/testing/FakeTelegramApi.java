package io.teleglas.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A fake Telegram Bot API server for integration tests, speaking the API as TelegramBots 10.2.0
 * calls it: {@code POST /bot{token}/{method}} with a JSON body, method names matched
 * case-insensitively (the library sends {@code getupdates}, {@code sendmessage}, {@code
 * deleteWebhook}), and Telegram's {@code {"ok":...}} envelopes.
 *
 * <p><b>What it fakes.</b> {@code getUpdates} is a real long poll: it answers at once with pending
 * updates and otherwise holds the request until an update is enqueued or the hold ends (default 1
 * s, whatever {@code timeout} the client asks for), so a poller never spins. {@code offset}
 * confirms and drops updates. {@code sendMessage}, {@code editMessageText}, {@code
 * editMessageReplyMarkup} and {@code deleteMessage} keep chat state and answer {@code Message}
 * objects or {@code true}, with Telegram's 400s for empty or over-long text, HTML that does not
 * parse (see {@link Builder#strictHtml}), missing messages and edits that change nothing. {@code
 * getMe}, {@code deleteWebhook}, {@code setMyCommands}, {@code deleteMyCommands}, {@code
 * getMyCommands}, {@code answerCallbackQuery} and {@code sendChatAction} are answered too; any
 * other method gets Telegram's 404. Each token gets its own {@link FakeBot} (identity, update
 * queue, commands), so two bots can share one fake.
 *
 * <p><b>Recording and failures.</b> Every call but {@code getUpdates} is recorded ({@link
 * #calls()}, {@link #sentMessages()}); failures can be armed per method or for {@link #ANY_SEND}.
 *
 * <p><b>Threading and lifecycle.</b> {@link #start()} binds 127.0.0.1 on a free port; requests are
 * served on WireMock's Jetty threads while the test thread arms failures and reads records, and
 * every method is thread-safe. {@link #close()} answers held polls at once and stops the server.
 * Stop the bots under test first; see {@link #answerPollsImmediately()} for a teardown in which
 * their pollers log no connection errors.
 */
public final class FakeTelegramApi implements AutoCloseable {

  /**
   * Matches every method that talks to users (everything but getUpdates, getMe, webhook and command
   * setup).
   */
  public static final String ANY_SEND = Faults.ANY_SEND;

  private static final Logger log = LoggerFactory.getLogger(FakeTelegramApi.class);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private final Map<String, FakeBot> bots = new ConcurrentHashMap<>();
  private final Faults faults = new Faults();
  private final CallLog calls = new CallLog();
  private final ChatMessages messages = new ChatMessages();
  private final InFlightRequests inFlight = new InFlightRequests();
  private final Updates updates;
  private final WireMockServer server;
  private volatile boolean pollsReleased;

  private FakeTelegramApi(Builder builder) {
    this.updates = new Updates(builder.clock);
    BotApiHandler handler =
        new BotApiHandler(
            this::bot,
            faults,
            new MessageMethods(updates, messages, builder.strictHtml),
            calls,
            updates,
            builder.longPollHold);
    server =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(40) // each held getUpdates occupies a thread for up to the hold
                .jettyAcceptors(1)
                .jettyStopTimeout(1_000L)
                .disableRequestJournal()
                .notifier(new Slf4jNotifier(false))
                .extensions(new BotApiTransformer(handler), inFlight));
    server.stubFor(
        any(urlPathMatching("/bot[^/]+/[^/]+"))
            .willReturn(aResponse().withTransformers(BotApiTransformer.NAME)));
  }

  /** Starts a fake with the defaults: 1 s long-poll hold, system clock, strict HTML. */
  public static FakeTelegramApi start() {
    return builder().start();
  }

  /** Options for a fake; finish with {@link Builder#start()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The per-token view: identity, incoming updates, commands and that token's calls. Created on
   * first use.
   */
  public FakeBot bot(String token) {
    FakeBot bot = bots.computeIfAbsent(token, t -> new FakeBot(t, updates, messages, calls));
    if (pollsReleased) {
      bot.releasePolls(); // a token first seen now must not hold its polls either
    }
    return bot;
  }

  /**
   * {@code http://127.0.0.1:PORT}, for code that takes the API base as a URL (no trailing slash).
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A new TelegramBots {@link TelegramUrl} pointing here (new each call: the class is mutable). */
  public TelegramUrl telegramUrl() {
    return new TelegramUrl("http", "127.0.0.1", server.port(), false);
  }

  /**
   * Every recorded call from every token, in arrival order ({@code getUpdates} is only counted).
   */
  public List<RecordedCall> calls() {
    return calls.matching(c -> true);
  }

  /** The recorded calls of one method (case-insensitive), in arrival order. */
  public List<RecordedCall> calls(String method) {
    return calls.matching(c -> c.isMethod(method));
  }

  /** Messages accepted from any token, in order; failed sends are only in {@link #calls()}. */
  public List<SentMessage> sentMessages() {
    return calls.matching(FakeTelegramApi::isSentMessage).stream().map(SentMessage::of).toList();
  }

  /**
   * Waits until at least {@code n} messages were accepted, from any token, and returns all of them.
   *
   * @throws AssertionError listing every call seen, when {@code timeout} passes first
   */
  public List<SentMessage> awaitSentMessages(int n, Duration timeout) {
    return calls.await(FakeTelegramApi::isSentMessage, n, timeout, "sent messages").stream()
        .map(SentMessage::of)
        .toList();
  }

  /**
   * Waits until at least {@code n} calls of {@code method} (case-insensitive, failed ones included)
   * arrived.
   *
   * @throws AssertionError listing every call seen, when {@code timeout} passes first
   */
  public List<RecordedCall> awaitCalls(String method, int n, Duration timeout) {
    return calls.await(c -> c.isMethod(method), n, timeout, method + " calls");
  }

  /** {@code getUpdates} requests from all tokens so far. */
  public int getUpdatesCount() {
    return bots.values().stream().mapToInt(FakeBot::getUpdatesCount).sum();
  }

  /**
   * The next {@code times} calls of {@code method} (or {@link #ANY_SEND}) fail with {@code
   * httpStatus} and a JSON error, e.g. {@code failNext("sendMessage", 1, 400, "Bad Request: can't
   * parse entities")} or {@code failNext(ANY_SEND, 2, 502, "Bad Gateway")}. Armed failures are used
   * in the order they were armed.
   */
  public void failNext(String method, int times, int httpStatus, String description) {
    faults.next(method, times, BotApiReply.error(httpStatus, description));
  }

  /** Disarms every failure armed with {@link #failNext} and its siblings that is still unused. */
  public void clearArmedFailures() {
    faults.clearArmed();
  }

  /**
   * Like {@link #failNext} but with a raw non-JSON body, such as the HTML page a proxy sends with a
   * 502.
   */
  public void failNextWithBody(String method, int times, int httpStatus, String body) {
    faults.next(method, times, BotApiReply.raw(httpStatus, body));
  }

  /**
   * The next {@code times} calls of {@code method} (or {@link #ANY_SEND}) have their connection
   * reset.
   */
  public void disconnectNext(String method, int times) {
    faults.next(method, times, BotApiReply.connectionReset());
  }

  /**
   * The next {@code times} calls of {@code method} (or {@link #ANY_SEND}) get Telegram's
   * flood-control answer: HTTP 429 {@code {"ok":false,"error_code":429,"description":"Too Many
   * Requests: retry after N", "parameters":{"retry_after":N}}}.
   */
  public void rateLimitNext(String method, int times, int retryAfterSeconds) {
    faults.next(method, times, BotApiReply.rateLimited(retryAfterSeconds));
  }

  /**
   * Every send to {@code chatId} gets 403 {@code Forbidden: bot was blocked by the user} until
   * unblocked.
   */
  public void blockedUser(long chatId) {
    faults.block(String.valueOf(chatId), true);
  }

  /** Undoes {@link #blockedUser(long)}. */
  public void unblockUser(long chatId) {
    faults.block(String.valueOf(chatId), false);
  }

  /**
   * While on, every {@code getUpdates} gets 409 {@code Conflict: terminated by other getUpdates
   * request; ...}.
   */
  public void conflictOnGetUpdates(boolean on) {
    faults.conflict(on);
  }

  /**
   * Delays every answer to a send (see {@link #ANY_SEND}) by {@code latency}; {@link Duration#ZERO}
   * turns it off.
   */
  public void sendLatency(Duration latency) {
    faults.sendLatency(latency);
  }

  /**
   * From now on {@code getUpdates} answers at once instead of holding, and held ones are answered
   * now. Meant for teardown: stop the bot's polling ({@code
   * TelegramBotsLongPollingApplication.close()}), call this, wait for the poller executor to
   * terminate, then {@link #close()}, so the poller's last request ends cleanly instead of failing
   * against a stopped server. A poller that is still running will spin while this is on.
   */
  public void answerPollsImmediately() {
    pollsReleased = true;
    bots.values().forEach(FakeBot::releasePolls);
  }

  /**
   * Answers held {@code getUpdates} at once (see {@link #answerPollsImmediately()}), lets requests
   * in progress finish (up to 2 s), then stops the server.
   */
  @Override
  public void close() {
    answerPollsImmediately();
    if (!inFlight.awaitIdle(CLOSE_GRACE)) {
      log.warn(
          "FakeTelegramApi: requests still in progress after {}, stopping anyway", CLOSE_GRACE);
    }
    server.stop();
  }

  private static boolean isSentMessage(RecordedCall call) {
    return call.isMethod("sendMessage") && call.succeeded();
  }

  /** Options for {@link FakeTelegramApi}. Not thread-safe; use from the test thread. */
  public static final class Builder {
    private Duration longPollHold = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();
    private boolean strictHtml = true;

    private Builder() {}

    /**
     * The longest a {@code getUpdates} is held when nothing is pending (default 1 s, must be
     * positive).
     */
    public Builder longPollHold(Duration hold) {
      if (hold.isZero() || hold.isNegative()) {
        throw new IllegalArgumentException("a zero hold would let the poller spin: " + hold);
      }
      this.longPollHold = hold;
      return this;
    }

    /**
     * The clock for {@code date} fields and {@link RecordedCall#receivedAt()} (default: system
     * UTC).
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Whether {@code parse_mode=HTML} text that Telegram would reject gets 400 {@code can't parse
     * entities} (default true). The check is a model of Telegram's parser; turn it off if it ever
     * disagrees with Telegram.
     */
    public Builder strictHtml(boolean strict) {
      this.strictHtml = strict;
      return this;
    }

    /** Starts the fake on 127.0.0.1 and a free port. */
    public FakeTelegramApi start() {
      FakeTelegramApi api = new FakeTelegramApi(this);
      api.server.start();
      return api;
    }
  }
}
