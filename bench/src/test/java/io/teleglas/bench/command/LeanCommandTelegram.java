package io.teleglas.bench.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.teleglas.bench.BotApiReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lean fake Telegram Bot API for the command bench: the JDK's {@link HttpServer} on 127.0.0.1,
 * whose handler takes the arrival time ({@link System#nanoTime()}) as the first thing it does,
 * before the body is read or anything is answered. The shared-core {@code FakeTelegramApi} stamps a
 * call only after WireMock has matched, transformed and answered it, and holds a server thread per
 * long poll; on the bench's two shared cores that alone cost ~15 ms per command.
 *
 * <p><b>What it speaks</b>: {@code POST /bot{token}/{method}} with a JSON body, as TelegramBots
 * 10.2's {@code OkHttpTelegramClient} and long-polling application send it, method names
 * case-insensitive, for the one token it was started with:
 *
 * <ul>
 *   <li>{@code getMe}, {@code deleteWebhook}, {@code setMyCommands} (which needs a {@code commands}
 *       array): what the command bot calls at startup;
 *   <li>{@code getUpdates}: confirms updates below a positive {@code offset}, answers at once with
 *       up to {@code limit} pending updates, otherwise holds the request (without holding a thread)
 *       until {@link #sendText} queues one or its {@code timeout} ends, then answers {@code []}. A
 *       second poll while one is held ends the first with {@code []};
 *   <li>{@code sendMessage}: checks {@code chat_id}, that the text is not empty, at most 4096
 *       characters as shown, and, with {@code parse_mode} HTML, that Telegram would parse it (the
 *       shared-core test-jar's {@code TelegramHtml} model, the same one {@code FakeTelegramApi}'s
 *       strict mode uses); answers a {@code Message} with an increasing {@code message_id}.
 * </ul>
 *
 * Anything else is answered with Telegram's 404 and, like every rejected request, counted in {@link
 * #rejected()}. The fake's own cost per {@code sendMessage}, from the arrival stamp until the
 * answer is written, is kept for {@link #sendServiceNanos()}.
 *
 * <p><b>Threading.</b> Requests are handled on four daemon threads; no handler ever blocks (a held
 * poll is answered later by whoever ends it). All state is guarded by one lock; every method is
 * thread-safe. {@link #close()} answers a held poll at once, then stops the server.
 */
final class LeanCommandTelegram implements CommandTelegram {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_TEXT = 4096;
  private static final int MAX_LIMIT = 100;
  private static final Duration NO_TIMEOUT_HOLD = Duration.ofSeconds(1);
  private static final Method PLAIN_TEXT = telegramHtmlModel();

  private final String token;
  private final long botId;
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("lean-tg"));
  private final ScheduledExecutorService timeouts =
      Executors.newSingleThreadScheduledExecutor(daemon("lean-tg-timeout"));
  private final AtomicInteger getUpdates = new AtomicInteger();
  private final AtomicInteger outgoingIds = new AtomicInteger();
  private final AtomicLong incomingIds = new AtomicLong();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition sent = lock.newCondition();
  private final Deque<ObjectNode> pending = new ArrayDeque<>(); // guarded by lock
  private final Map<Long, List<Sent>> sentByChat = new HashMap<>(); // guarded by lock
  private final Map<String, Integer> rejected = new TreeMap<>(); // guarded by lock
  private final List<Long> sendServiceNanos = new ArrayList<>(); // guarded by lock
  private final Map<Long, long[]> deliveries = new HashMap<>(); // by user; guarded by lock
  private HeldPoll held; // guarded by lock
  private long nextUpdateId = 1; // guarded by lock
  private boolean closing; // guarded by lock

  private LeanCommandTelegram(String token) throws IOException {
    int colon = token.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("a bot token is <id>:<secret>");
    }
    this.token = token;
    this.botId = Long.parseLong(token.substring(0, colon));
    // Answers are small; without TCP_NODELAY a response can sit behind Nagle's algorithm.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
  }

  /** Starts the fake for {@code token} on 127.0.0.1 and a free port. */
  static LeanCommandTelegram start(String token) {
    try {
      LeanCommandTelegram telegram = new LeanCommandTelegram(token);
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
  public int getUpdatesCount() {
    return getUpdates.get();
  }

  @Override
  public void sendText(long userId, String text) {
    ObjectNode from =
        NODES
            .objectNode()
            .put("id", userId)
            .put("is_bot", false)
            .put("first_name", "User" + userId)
            .put("username", "user" + userId)
            .put("language_code", "en");
    ObjectNode chat =
        NODES
            .objectNode()
            .put("id", userId)
            .put("type", "private")
            .put("first_name", "User" + userId)
            .put("username", "user" + userId);
    ObjectNode message = NODES.objectNode().put("message_id", incomingIds.incrementAndGet());
    message.set("from", from);
    message.set("chat", chat);
    message.put("date", Instant.now().getEpochSecond()).put("text", text);
    if (text.startsWith("/") && text.length() > 1) {
      int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
      message
          .putArray("entities")
          .addObject()
          .put("type", "bot_command")
          .put("offset", 0)
          .put("length", end);
    }
    long queued = System.nanoTime();
    HeldPoll poll;
    ArrayNode batch = null;
    lock.lock();
    try {
      deliveries.put(userId, new long[] {queued, -1, -1});
      ObjectNode update = NODES.objectNode().put("update_id", nextUpdateId++);
      update.set("message", message);
      pending.addLast(update);
      poll = held;
      held = null;
      if (poll != null) {
        batch = firstPending(poll.limit());
      }
    } finally {
      lock.unlock();
    }
    if (poll != null) {
      poll.timeout().cancel();
      answer(poll.exchange(), BotApiReply.ok(batch));
      delivered(batch, System.nanoTime());
    }
  }

  @Override
  public Optional<Delivery> delivery(long userId) {
    lock.lock();
    try {
      long[] d = deliveries.get(userId);
      return d == null || d[1] < 0 || d[2] < 0
          ? Optional.empty()
          : Optional.of(new Delivery(d[0], d[1], d[2]));
    } finally {
      lock.unlock();
    }
  }

  /** Notes when the updates of {@code batch} were written to the bot, for {@link #delivery}. */
  private void delivered(ArrayNode batch, long writtenNanos) {
    lock.lock();
    try {
      for (JsonNode update : batch) {
        long[] d = deliveries.get(update.path("message").path("from").path("id").asLong());
        if (d != null && d[1] < 0) {
          d[1] = writtenNanos;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Sent awaitSent(long chatId, int n, Duration timeout) throws InterruptedException {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        List<Sent> inChat = sentByChat.getOrDefault(chatId, List.of());
        if (inChat.size() > n) {
          return inChat.get(n);
        }
        if (left <= 0) {
          return null;
        }
        left = sent.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Sent> sentTo(long chatId) {
    lock.lock();
    try {
      return List.copyOf(sentByChat.getOrDefault(chatId, List.of()));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<List<Long>> sendServiceNanos() {
    lock.lock();
    try {
      return Optional.of(List.copyOf(sendServiceNanos));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Map<String, Integer> rejected() {
    lock.lock();
    try {
      return new TreeMap<>(rejected);
    } finally {
      lock.unlock();
    }
  }

  private void handle(HttpExchange exchange) {
    long arrived = System.nanoTime();
    try {
      String[] path = exchange.getRequestURI().getPath().split("/", 3);
      if (path.length != 3 || !path[1].startsWith("bot") || path[2].contains("/")) {
        reply(exchange, "-", BotApiReply.error(404, "Not Found"));
        return;
      }
      if (!path[1].equals("bot" + token)) {
        reply(exchange, path[2], BotApiReply.error(401, "Unauthorized"));
        return;
      }
      String method = path[2].toLowerCase(Locale.ROOT);
      JsonNode params = params(exchange);
      if (params == null) {
        reply(
            exchange, method, BotApiReply.error(400, "Bad Request: the body is not a JSON object"));
        return;
      }
      switch (method) {
        case "getupdates" -> poll(exchange, params, arrived);
        case "sendmessage" -> {
          reply(exchange, method, sendMessage(params, arrived));
          long served = System.nanoTime() - arrived;
          lock.lock();
          try {
            sendServiceNanos.add(served);
          } finally {
            lock.unlock();
          }
        }
        case "getme" -> reply(exchange, method, BotApiReply.ok(me()));
        case "deletewebhook" -> reply(exchange, method, BotApiReply.ok(NODES.booleanNode(true)));
        case "setmycommands" ->
            reply(
                exchange,
                method,
                params.path("commands").isArray()
                    ? BotApiReply.ok(NODES.booleanNode(true))
                    : BotApiReply.error(400, "Bad Request: parameter \"commands\" is required"));
        default -> reply(exchange, method, BotApiReply.error(404, "Not Found"));
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("LeanCommandTelegram: " + exchange.getRequestURI().getPath() + ": " + e);
      exchange.close();
    }
  }

  /** Serves one {@code getUpdates}: at once when something is pending, otherwise held. */
  private void poll(HttpExchange exchange, JsonNode params, long arrived) {
    getUpdates.incrementAndGet();
    long offset = params.path("offset").asLong(0);
    int limit = Math.max(1, Math.min(MAX_LIMIT, params.path("limit").asInt(MAX_LIMIT)));
    int timeout = params.path("timeout").asInt(0);
    Duration hold = timeout > 0 ? Duration.ofSeconds(timeout) : NO_TIMEOUT_HOLD;
    HeldPoll replaced = null;
    ArrayNode batch = null;
    lock.lock();
    try {
      for (long[] d : deliveries.values()) {
        if (d[1] >= 0 && d[2] < 0) {
          d[2] = arrived; // the bot's first poll after it was handed the update
        }
      }
      if (offset > 0) {
        while (!pending.isEmpty() && pending.peekFirst().path("update_id").asLong() < offset) {
          pending.removeFirst();
        }
      }
      if (!pending.isEmpty() || closing) {
        batch = firstPending(limit);
      } else {
        replaced = held;
        HeldPoll poll = new HeldPoll(exchange, limit, new HoldTimer());
        poll.timeout()
            .set(timeouts.schedule(() -> expire(poll), hold.toNanos(), TimeUnit.NANOSECONDS));
        held = poll;
      }
    } finally {
      lock.unlock();
    }
    if (batch != null) {
      answer(exchange, BotApiReply.ok(batch));
      delivered(batch, System.nanoTime());
    }
    if (replaced != null) {
      replaced.timeout().cancel();
      answer(replaced.exchange(), BotApiReply.ok(NODES.arrayNode()));
    }
  }

  private void expire(HeldPoll poll) {
    lock.lock();
    try {
      if (held != poll) {
        return; // already answered
      }
      held = null;
    } finally {
      lock.unlock();
    }
    answer(poll.exchange(), BotApiReply.ok(NODES.arrayNode()));
  }

  private ArrayNode firstPending(int limit) {
    ArrayNode batch = NODES.arrayNode();
    pending.stream().limit(limit).forEach(u -> batch.add(u.deepCopy()));
    return batch;
  }

  private BotApiReply sendMessage(JsonNode params, long arrived) {
    String chatId = params.path("chat_id").asText("");
    String text = params.path("text").asText("");
    String parseMode = params.hasNonNull("parse_mode") ? params.get("parse_mode").asText() : null;
    if (!chatId.matches("-?\\d{1,18}")) {
      return BotApiReply.error(
          400, chatId.isEmpty() ? "Bad Request: chat_id is empty" : "chat not found");
    }
    String shown = text;
    if ("html".equalsIgnoreCase(parseMode)) {
      try {
        shown = (String) PLAIN_TEXT.invoke(null, text);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof IllegalArgumentException bad) {
          return BotApiReply.error(400, "Bad Request: can't parse entities: " + bad.getMessage());
        }
        throw new IllegalStateException("the HTML model failed", e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    if (shown.isBlank()) {
      return BotApiReply.error(400, "Bad Request: message text is empty");
    }
    if (shown.length() > MAX_TEXT) {
      return BotApiReply.error(400, "Bad Request: message is too long");
    }
    long chat = Long.parseLong(chatId);
    ObjectNode message = NODES.objectNode().put("message_id", outgoingIds.incrementAndGet());
    message.set("from", me());
    ObjectNode chatNode = message.putObject("chat").put("id", chat);
    if (chat > 0) {
      chatNode.put("type", "private").put("first_name", "User" + chat);
    } else {
      chatNode.put("type", chatId.startsWith("-100") ? "supergroup" : "group").put("title", chatId);
    }
    message.put("date", Instant.now().getEpochSecond()).put("text", shown);
    JsonNode markup = params.get("reply_markup");
    if (markup != null && markup.has("inline_keyboard")) {
      message.set("reply_markup", markup);
    }
    lock.lock();
    try {
      sentByChat
          .computeIfAbsent(chat, c -> new ArrayList<>())
          .add(new Sent(chat, text, parseMode, arrived));
      sent.signalAll();
    } finally {
      lock.unlock();
    }
    return BotApiReply.ok(message);
  }

  private ObjectNode me() {
    return NODES
        .objectNode()
        .put("id", botId)
        .put("is_bot", true)
        .put("first_name", "Bench")
        .put("username", "bench_command_bot")
        .put("can_join_groups", true)
        .put("can_read_all_group_messages", false)
        .put("supports_inline_queries", false);
  }

  /** The JSON object body (an empty one for no body), or null when it is something else. */
  private static JsonNode params(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
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

  /** Answers a request now, counting it when it is an error. */
  private void reply(HttpExchange exchange, String method, BotApiReply reply) {
    if (reply.status() != 200) {
      String key = method + " " + reply.status() + " " + reply.description();
      lock.lock();
      try {
        rejected.merge(key, 1, Integer::sum);
      } finally {
        lock.unlock();
      }
    }
    answer(exchange, reply);
  }

  private void answer(HttpExchange exchange, BotApiReply reply) {
    try (exchange) {
      reply.writeTo(exchange);
    } catch (IOException e) {
      if (closed()) {
        return; // the bot is gone: its held poll has nobody left to read the answer
      }
      String path = exchange.getRequestURI().getPath();
      System.err.println(
          "LeanCommandTelegram: answering "
              + path.substring(path.lastIndexOf('/') + 1)
              + " failed: "
              + e);
    }
  }

  private boolean closed() {
    lock.lock();
    try {
      return closing;
    } finally {
      lock.unlock();
    }
  }

  /** Answers a held poll at once, then stops the server and its threads. */
  @Override
  public void close() {
    HeldPoll poll;
    lock.lock();
    try {
      closing = true;
      poll = held;
      held = null;
    } finally {
      lock.unlock();
    }
    if (poll != null) {
      poll.timeout().cancel();
      answer(poll.exchange(), BotApiReply.ok(NODES.arrayNode()));
    }
    server.stop(1);
    timeouts.shutdownNow();
    handlers.shutdownNow();
  }

  /**
   * Telegram's HTML model from the shared-core test-jar ({@code TelegramHtml.plainText}, which
   * throws {@link IllegalArgumentException} with Telegram's reason). It is package-private there
   * and {@code FakeTelegramApi} does not expose it, so it is reached by reflection (class path, one
   * unnamed module) rather than copied; a missing model fails the bench at start.
   */
  private static Method telegramHtmlModel() {
    try {
      Method m =
          Class.forName("io.teleglas.core.testing.TelegramHtml")
              .getDeclaredMethod("plainText", String.class);
      m.setAccessible(true);
      return m;
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(
          "shared-core's test-jar has no TelegramHtml.plainText(String): " + e);
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** A {@code getUpdates} waiting for an update; whoever takes it out of {@code held} answers. */
  private record HeldPoll(HttpExchange exchange, int limit, HoldTimer timeout) {}

  /** The scheduled end of a held poll, set right after the poll is created. */
  private static final class HoldTimer {
    private volatile ScheduledFuture<?> future;

    void set(ScheduledFuture<?> future) {
      this.future = future;
    }

    void cancel() {
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }
  }
}
