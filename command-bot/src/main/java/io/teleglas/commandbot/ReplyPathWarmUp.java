package io.teleglas.commandbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.teleglas.commandbot.command.CommandRouter;
import io.teleglas.commandbot.command.Reply;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.commandbot.market.MarketWiring;
import io.teleglas.commandbot.offline.OfflineUpstream;
import io.teleglas.core.coinglass.CoinglassRateLimiter;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.http.HttpClients;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Runs the {@code /raw} reply path on the bundled sample data before the bot starts polling, so the
 * first users do not pay for the JIT and for Jackson building its (de)serializers. Nothing leaves
 * the machine and nothing the bot keeps is touched: the samples are served on loopback by an {@link
 * OfflineUpstream} (as {@code --console --offline} does) to a market-data stack, router and meter
 * of its own, all dropped afterwards.
 *
 * <p>Why: measured end to end (docs/performance.md, "Command bot"), the bot's own time for a cached
 * {@code /raw} was 10–19 ms in a fresh process and fell to ~2 ms only after a dozen replies, as the
 * JIT compiled the path; the very first {@code /raw} took 0.9–1.7 s, most of it Jackson building
 * the deserializers of the upstream answers and of Telegram's {@code Update} and {@code Message}.
 *
 * <p>What it runs: {@code /raw} of each {@link #COINS sample coin} (the first round fetches from
 * the sample server, the rest are cached) for up to {@link #DEFAULT_ROUNDS} rounds or {@link
 * #DEFAULT_BUDGET}, whichever ends first, then one {@code sendMessage} with the refresh button
 * written as JSON and a {@code getUpdates} answer and a sent message read back, on canned JSON.
 *
 * <p>Stateless; call from one thread. Any failure is logged and ignored: a cold bot is only slower.
 */
final class ReplyPathWarmUp {
  private static final Logger log = LoggerFactory.getLogger(ReplyPathWarmUp.class);

  /** Coins the bundled samples cover. */
  static final List<String> COINS = List.of("BTC", "ETH", "SOL");

  static final int DEFAULT_ROUNDS = 300;
  static final Duration DEFAULT_BUDGET = Duration.ofSeconds(3);

  /** A user id no Telegram user has (ids are positive): only the warm-up router ever sees it. */
  private static final long USER = -1;

  /** A private message with a command, as {@code getUpdates} answers it. */
  static final String UPDATES_ANSWER =
      """
      {"ok":true,"result":[{"update_id":1,"message":{"message_id":1,\
      "from":{"id":1,"is_bot":false,"first_name":"warm-up","language_code":"en"},\
      "chat":{"id":1,"type":"private","first_name":"warm-up"},"date":1700000000,\
      "text":"/raw BTC","entities":[{"type":"bot_command","offset":0,"length":4}]}}]}\
      """;

  /** A reply as Telegram answers {@code sendMessage}, with its refresh button. */
  static final String MESSAGE_ANSWER =
      """
      {"ok":true,"result":{"message_id":2,"date":1700000000,\
      "from":{"id":2,"is_bot":true,"first_name":"bot","username":"warm_up_bot"},\
      "chat":{"id":1,"type":"private","first_name":"warm-up"},\
      "text":"#BTC warm-up","entities":[{"type":"bold","offset":0,"length":4}],\
      "reply_markup":{"inline_keyboard":[[{"text":"Refresh","callback_data":"r:/raw BTC"}]]}}}\
      """;

  /**
   * What a warm-up did.
   *
   * @param replies {@code /raw} replies computed
   * @param elapsed how long the whole warm-up took
   * @param ok whether every reply named its coin and the send path read its answers back
   */
  record Result(int replies, Duration elapsed, boolean ok) {}

  private ReplyPathWarmUp() {}

  /**
   * Warms up within {@code rounds} and {@code budget} (both positive). {@code common} is the bot's
   * configuration, of which only the non-URL settings are used.
   */
  static Result run(CommonConfig common, Clock clock, int rounds, Duration budget) {
    if (rounds < 1 || budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("rounds " + rounds + ", budget " + budget);
    }
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    int replies = 0;
    boolean ok = true;
    try (OfflineUpstream upstream = OfflineUpstream.start(OfflineUpstream.SAMPLE_KEY, clock)) {
      OkHttpClient http = HttpClients.create().newBuilder().proxy(Proxy.NO_PROXY).build();
      try (HttpClients.Release release = HttpClients.closer(http)) {
        UpstreamMeter meter =
            new UpstreamMeter(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock);
        MarketData market =
            MarketWiring.marketData(
                upstream.configFor(common),
                CoinglassRateLimiter.forPlan(OfflineUpstream.SAMPLE_PLAN, clock),
                http,
                new ObjectMapper(),
                meter,
                clock);
        CommandRouter router = CommandBotApp.router(market, meter, Optional::empty, clock);
        for (int round = 0; round < rounds && System.nanoTime() < deadline; round++) {
          for (String coin : COINS) {
            Reply reply = router.route(USER, USER, "/raw " + coin);
            ok &= reply.html().contains("<b>#" + coin + "</b>");
            replies++;
          }
        }
      }
      ok &= sendPath();
    } catch (IllegalStateException | UncheckedIOException | TelegramApiException e) {
      log.warn(
          "warming up the reply path failed; the first replies will be slower: {}", e.toString());
      ok = false;
    }
    Result result = new Result(replies, Duration.ofNanos(System.nanoTime() - start), ok);
    log.info(
        "reply path warmed up: {} /raw on sample data in {} ms{}",
        result.replies(),
        result.elapsed().toMillis(),
        ok ? "" : " (with failures)");
    return result;
  }

  /** Writes a reply with its refresh button and reads Telegram's answers back, as the bot will. */
  private static boolean sendPath() throws TelegramApiException {
    SendMessage send =
        SendMessage.builder()
            .chatId(1L)
            .text("<b>#BTC</b> warm-up")
            .parseMode(ParseMode.HTML)
            .disableWebPagePreview(true)
            .replyMarkup(
                InlineKeyboardMarkup.builder()
                    .keyboardRow(
                        new InlineKeyboardRow(
                            InlineKeyboardButton.builder()
                                .text("Refresh")
                                .callbackData("r:/raw BTC")
                                .build()))
                    .build())
            .build();
    send.validate();
    try {
      boolean written = new ObjectMapper().writeValueAsString(send).contains("warm-up");
      return written
          && send.deserializeResponse(MESSAGE_ANSWER).getMessageId() == 2
          && new GetUpdates().deserializeResponse(UPDATES_ANSWER).size() == 1;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a sendMessage: " + e.getMessage(), e);
    }
  }
}
