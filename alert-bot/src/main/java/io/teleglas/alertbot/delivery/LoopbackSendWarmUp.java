package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.teleglas.core.http.HttpEndpoints;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.telegram.LongPollingBot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * Sends made-up alerts through the real send path — {@link TelegramSender}, TelegramBots' OkHttp
 * client, OkHttp, Jackson — to a stand-in for the Bot API that this class starts on the loopback
 * interface for the duration of the run, and answers as Telegram does: a sent message, an edit, and
 * now and then a 429 with {@code retry_after}. Nothing leaves the machine and Telegram is never
 * called.
 *
 * <p>Why: a channel gets a few alerts a minute, so the request and answer code runs too rarely for
 * the JIT ever to compile it, and interpreted it took 3–5 ms of every alert's detect → send on the
 * bench machine (docs/performance.md, "Detect → send"). {@link SendPathWarmUp} pays the one-time
 * class loading before the first send; this compiles the code the sends run through.
 *
 * <p>The client is a copy of the bot's own (same interceptors, timeouts and dispatcher) with a pool
 * of its own, so no loopback connection is left in the pool Telegram's requests use. Stateless;
 * each {@link #run} has its own server. Blocks for as long as the rounds take.
 */
public final class LoopbackSendWarmUp {
  /**
   * Rounds the start-up warm-up runs (600 requests): about 2 s of one core in a fresh JVM on the
   * bench machine, class loading included, 0.4 s once loaded.
   */
  public static final int COMPILING_ROUNDS = 300;

  private static final ChatId CHAT = new ChatId("-1001000000000");
  private static final String TOKEN = "1:loopback-warm-up";
  private static final int RATE_LIMITED_EVERY = 50;

  static {
    HttpEndpoints.noDelay();
  }

  private final OkHttpClient http;

  /**
   * @param http the bot's Telegram client, whose settings the run copies
   */
  public LoopbackSendWarmUp(OkHttpClient http) {
    this.http = requireNonNull(http, "http is null");
  }

  /** What a run did: each round sends and edits once, and some rounds are answered with a 429. */
  public record Result(int accepted, int rateLimited, int other) {
    /** True if every request got the outcome Telegram's answer means. */
    public boolean ok(int rounds) {
      return other == 0 && accepted + rateLimited == 2 * rounds;
    }
  }

  /**
   * Runs {@code rounds} rounds of one {@code sendMessage} and one {@code editMessageText}.
   *
   * @throws IOException if the loopback server cannot start
   */
  public Result run(int rounds) throws IOException {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be >= 0, got " + rounds);
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger requests = new AtomicInteger();
    server.createContext("/", exchange -> answer(exchange, requests.incrementAndGet()));
    server.start();
    OkHttpClient client =
        http.newBuilder().connectionPool(new ConnectionPool(1, 1, TimeUnit.SECONDS)).build();
    try {
      TelegramSender sender =
          new TelegramSender(
              new OkHttpTelegramClient(
                  client,
                  TOKEN,
                  LongPollingBot.telegramUrl(
                      URI.create("http://127.0.0.1:" + server.getAddress().getPort()))));
      int accepted = 0;
      int rateLimited = 0;
      int other = 0;
      for (int i = 0; i < rounds; i++) {
        for (SendOutcome outcome :
            new SendOutcome[] {
              sender.send(CHAT, "<b>warm</b>-up " + i, true),
              sender.edit(CHAT, 1, "<b>warm</b>-up " + i, true)
            }) {
          if (outcome instanceof SendOutcome.Accepted) {
            accepted++;
          } else if (outcome instanceof SendOutcome.RateLimited) {
            rateLimited++;
          } else {
            other++;
          }
        }
      }
      return new Result(accepted, rateLimited, other);
    } finally {
      server.stop(0);
      client.connectionPool().evictAll();
    }
  }

  private static void answer(HttpExchange exchange, int request) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      String json =
          request % RATE_LIMITED_EVERY == 0
              ? SendPathWarmUp.RATE_LIMITED_ANSWER
              : SendPathWarmUp.MESSAGE_ANSWER;
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(request % RATE_LIMITED_EVERY == 0 ? 429 : 200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
