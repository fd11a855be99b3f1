package io.teleglas.bench.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.teleglas.bench.BotApiReply;
import io.teleglas.core.testing.RecordedCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lean fake Telegram Bot API for the replay's detect → send figures: the JDK's {@link HttpServer}
 * on 127.0.0.1, which takes the arrival time ({@code Instant.now()}, the clock {@link Pacer} stamps
 * frames with) as the first thing its handler does, before the body is read or anything is
 * answered. The shared-core {@code FakeTelegramApi} records only after WireMock has matched,
 * transformed and answered a call, which costs milliseconds the bot did not spend.
 *
 * <p><b>What it speaks.</b> {@code POST /bot{token}/{method}} with a JSON body, as TelegramBots'
 * {@code OkHttpTelegramClient} sends it, method names case-insensitive: {@code getMe}, {@code
 * deleteWebhook}, {@code setMyCommands}, {@code deleteMyCommands}, {@code getUpdates} (held up to
 * its {@code timeout}, then an empty result: the replay never sends commands), {@code sendMessage}
 * (a {@code Message} with an increasing {@code message_id}), {@code editMessageText} (the edited
 * {@code Message}); anything else gets Telegram's 404. It checks only what the timing needs: text
 * and HTML are not validated here, the integration tests against {@code FakeTelegramApi} do that.
 *
 * <p><b>Faults.</b> A fixed latency on every send's answer ({@link #sendLatency}) and 429s on the
 * next sends ({@link #rateLimitNextSends}); both act after the arrival was recorded. Delayed
 * answers and held polls are written by a scheduler, so the handler threads never block.
 *
 * <p><b>Threading.</b> Requests are handled on four daemon threads; recording, faults and reads are
 * thread-safe. {@link #close()} answers held requests at once, then stops the server.
 */
final class LeanTelegram implements BenchTelegram {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> NOT_SENDS =
      Set.of(
          "getme",
          "getupdates",
          "deletewebhook",
          "setwebhook",
          "setmycommands",
          "deletemycommands",
          "getmycommands");
  private static final Duration NO_TIMEOUT_HOLD = Duration.ofSeconds(1);

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("lean-tg"));
  private final ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(daemon("lean-tg-later"));
  private final List<RecordedCall> calls = new ArrayList<>();
  private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
  private final AtomicInteger messageIds = new AtomicInteger();
  private final AtomicInteger rateLimitedLeft = new AtomicInteger();
  private final AtomicLong getUpdates = new AtomicLong();
  private volatile int retryAfterSeconds;
  private volatile Duration sendLatency = Duration.ZERO;
  private volatile boolean closing;

  private LeanTelegram() throws IOException {
    // Answers are small; without TCP_NODELAY a response can sit behind Nagle's algorithm.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
  }

  /** Starts the fake on 127.0.0.1 and a free port. */
  static LeanTelegram start() {
    try {
      LeanTelegram telegram = new LeanTelegram();
      telegram.server.start();
      return telegram;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the lean fake Telegram", e);
    }
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public List<RecordedCall> calls(String method) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.isMethod(method)).toList();
    }
  }

  /** {@code getUpdates} requests so far (they are not recorded as calls). */
  long getUpdatesCount() {
    return getUpdates.get();
  }

  @Override
  public void sendLatency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("negative latency: " + latency);
    }
    sendLatency = latency;
  }

  @Override
  public void rateLimitNextSends(int times, int retryAfterSeconds) {
    if (times < 0 || retryAfterSeconds < 1) {
      throw new IllegalArgumentException(times + " times, retry after " + retryAfterSeconds);
    }
    this.retryAfterSeconds = retryAfterSeconds;
    rateLimitedLeft.set(times);
  }

  private void handle(HttpExchange exchange) {
    Instant arrived = Instant.now();
    try {
      String[] path = exchange.getRequestURI().getPath().split("/", 3);
      if (path.length != 3 || !path[1].startsWith("bot") || path[2].contains("/")) {
        BotApiReply.error(404, "Not Found").writeTo(exchange);
        return;
      }
      String token = path[1].substring(3);
      String method = path[2];
      String name = method.toLowerCase(Locale.ROOT);
      JsonNode params = params(exchange.getRequestBody());
      if (name.equals("getupdates")) {
        getUpdates.incrementAndGet();
        int timeout = params == null ? 0 : params.path("timeout").asInt(0);
        answerLater(
            exchange,
            BotApiReply.ok(NODES.arrayNode()),
            timeout > 0 ? Duration.ofSeconds(timeout) : NO_TIMEOUT_HOLD);
        return;
      }
      boolean send = !NOT_SENDS.contains(name);
      BotApiReply reply =
          params == null
              ? BotApiReply.error(400, "Bad Request: the body is not a JSON object")
              : send && rateLimitedLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                  ? BotApiReply.rateLimited(retryAfterSeconds)
                  : answer(token, name, params);
      synchronized (calls) {
        calls.add(
            new RecordedCall(
                token,
                method,
                params == null ? NODES.objectNode() : params,
                reply.status(),
                reply.body(),
                arrived));
      }
      answerLater(exchange, reply, send ? sendLatency : Duration.ZERO);
    } catch (IOException | RuntimeException e) {
      System.err.println("LeanTelegram: " + exchange.getRequestURI().getPath() + " failed: " + e);
      exchange.close();
    }
  }

  /** The JSON object body, or null when it is not one. */
  private static JsonNode params(InputStream body) throws IOException {
    byte[] bytes = body.readAllBytes();
    if (bytes.length == 0) {
      return NODES.objectNode();
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private BotApiReply answer(String token, String name, JsonNode params) {
    return switch (name) {
      case "getme" -> BotApiReply.ok(me(token));
      case "deletewebhook", "setmycommands", "deletemycommands" ->
          BotApiReply.ok(NODES.booleanNode(true));
      case "sendmessage" -> message(token, params, messageIds.incrementAndGet(), false);
      case "editmessagetext" -> {
        int id = params.path("message_id").asInt(0);
        yield id <= 0 || id > messageIds.get()
            ? BotApiReply.error(400, "Bad Request: message to edit not found")
            : message(token, params, id, true);
      }
      default -> BotApiReply.error(404, "Not Found");
    };
  }

  private static BotApiReply message(String token, JsonNode params, int id, boolean edited) {
    String chatId = params.path("chat_id").asText("");
    String text = params.path("text").asText("");
    if (chatId.isEmpty()) {
      return BotApiReply.error(400, "Bad Request: chat_id is empty");
    }
    if (text.isEmpty()) {
      return BotApiReply.error(400, "Bad Request: message text is empty");
    }
    if (!chatId.matches("@\\w+|-?\\d{1,18}")) {
      return BotApiReply.error(400, "Bad Request: chat not found");
    }
    long now = Instant.now().getEpochSecond();
    ObjectNode message = NODES.objectNode().put("message_id", id);
    message.set("from", me(token));
    message.set("chat", chat(chatId));
    message.put("date", now).put("text", text);
    if (edited) {
      message.put("edit_date", now);
    }
    return BotApiReply.ok(message);
  }

  private static ObjectNode me(String token) {
    int colon = token.indexOf(':');
    long id = colon > 0 ? Long.parseLong(token.substring(0, colon)) : 1;
    return NODES
        .objectNode()
        .put("id", id)
        .put("is_bot", true)
        .put("first_name", "Bench")
        .put("username", "bench_bot");
  }

  private static ObjectNode chat(String chatId) {
    if (chatId.startsWith("@")) {
      return NODES.objectNode().put("id", -1_000_000_000_001L).put("type", "channel");
    }
    long id = Long.parseLong(chatId);
    ObjectNode chat = NODES.objectNode().put("id", id);
    if (id > 0) {
      return chat.put("type", "private").put("first_name", "User" + id);
    }
    return chatId.startsWith("-100")
        ? chat.put("type", "channel").put("title", "Channel " + id)
        : chat.put("type", "group").put("title", "Group " + id);
  }

  private void answerLater(HttpExchange exchange, BotApiReply reply, Duration delay)
      throws IOException {
    if (delay.isZero() || closing) {
      reply.writeTo(exchange);
      return;
    }
    Pending p = new Pending(exchange, reply, new AtomicBoolean());
    pending.add(p);
    later.schedule(() -> fire(p), delay.toNanos(), TimeUnit.NANOSECONDS);
    if (closing) {
      fire(p); // close() may have swept pending before p was added
    }
  }

  private void fire(Pending p) {
    if (!p.done().compareAndSet(false, true)) {
      return;
    }
    pending.remove(p);
    try (HttpExchange exchange = p.exchange()) {
      p.reply().writeTo(exchange);
    } catch (IOException | RuntimeException e) {
      if (!closing) {
        System.err.println("LeanTelegram: a delayed answer failed: " + e);
      }
    }
  }

  /** Answers held polls and delayed sends at once, then stops the server and its threads. */
  @Override
  public void close() {
    closing = true;
    List.copyOf(pending).forEach(this::fire);
    server.stop(1);
    later.shutdownNow();
    handlers.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** An answer the scheduler writes later; {@code done} makes sure it is written once. */
  private record Pending(HttpExchange exchange, BotApiReply reply, AtomicBoolean done) {}
}
