package io.teleglas.alertbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.core.config.Secret;
import io.teleglas.core.market.Coin;
import io.teleglas.core.telegram.LongPollingBot;
import io.teleglas.core.telegram.UserRateLimiter;
import io.teleglas.core.testing.FakeBot;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.MutableClock;
import io.teleglas.core.testing.SentMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The private chat with real TelegramBots polling a fake Telegram API. */
class AlertChatIT {
  private static final String TOKEN = "87654321:alert-token-0123456789abcdefghijkl";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long USER = 42;

  private final FakeTelegramApi telegram = FakeTelegramApi.start();
  private final FakeBot chat = telegram.bot(TOKEN);
  private final OkHttpClient http = new OkHttpClient();
  private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-08T14:32:15Z"));
  private final BotStatus status =
      new BotStatus() {
        @Override
        public Optional<String> activeSource() {
          return Optional.of("binance");
        }

        @Override
        public int connectedSources() {
          return 3;
        }

        @Override
        public int totalSources() {
          return 5;
        }

        @Override
        public int deliveryBacklog() {
          return 1;
        }
      };
  private LongPollingBot bot;
  private AlertChat handler;

  private void start(UserRateLimiter limiter) throws Exception {
    var client = new OkHttpTelegramClient(http, TOKEN, telegram.telegramUrl());
    handler =
        new AlertChat(
            client,
            subscriptions,
            Thresholds.DEFAULT,
            status,
            limiter,
            chat.username(),
            clock,
            new SimpleMeterRegistry());
    bot =
        new LongPollingBot(
            Secret.of(TOKEN), URI.create(telegram.baseUrl()), http, new ObjectMapper(), handler, 4);
    bot.start();
    await().atMost(WAIT).until(() -> chat.getUpdatesCount() > 0);
  }

  private void start() throws Exception {
    start(new UserRateLimiter(100, Duration.ofSeconds(1), Clock.systemUTC()));
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    telegram.answerPollsImmediately();
    http.dispatcher().executorService().shutdown();
    telegram.close();
  }

  /** The user sends {@code text} and the reply the chat shows comes back, as plain text. */
  private String ask(String text) {
    int before = chat.sentMessages().size();
    chat.sendText(USER, USER, text);
    SentMessage reply = chat.awaitSentMessages(before + 1, WAIT).get(before);
    assertThat(reply.chatId()).isEqualTo(String.valueOf(USER));
    assertThat(reply.parseMode()).isEqualToIgnoringCase("html");
    return io.teleglas.core.telegram.Html.toPlainText(reply.text());
  }

  @Test
  void subscribeListUnsubscribe() throws Exception {
    start();

    assertThat(ask("/subscribe eth 100k"))
        .isEqualTo("✅ #ETH: liquidations and whale trades ≥ $100.0K. /alerts lists yours.");
    assertThat(ask("/subscribe $BTCUSDT liq"))
        .isEqualTo("✅ #BTC: liquidations ≥ $500.0K. /alerts lists yours.");
    assertThat(ask("/subscribe ETH all $1.5M"))
        .startsWith(
            "✅ Updated #ETH: liquidations and whale trades ≥ $1.50M, funding extremes, open-interest spikes");
    assertThat(subscriptions.of(USER))
        .extracting(s -> s.coin().symbol())
        .containsExactly("BTC", "ETH");
    assertThat(subscriptions.of(USER).get(1).minUsd()).isEqualTo(OptionalDouble.of(1_500_000));

    assertThat(ask("/alerts"))
        .contains(
            "Your subscriptions (2 of 20)",
            "• #BTC: liquidations ≥ $500.0K",
            "• #ETH: liquidations and whale trades ≥ $1.50M");
    assertThat(ask("/unsubscribe 1000pepe")).startsWith("You have no #PEPE subscription");
    assertThat(ask("/unsubscribe eth")).startsWith("🗑 Removed #ETH.");
    assertThat(subscriptions.of(USER)).hasSize(1);
  }

  @Test
  void muteUnmuteStatusHelpAndStart() throws Exception {
    start();

    assertThat(ask("/start")).startsWith("👋 Teleglas alerts");
    assertThat(ask("/help")).contains("/subscribe — ", "/mute — ", "up to 30 days");
    assertThat(ask("/mute 2h"))
        .isEqualTo("🔕 Muted until 2025-01-08 16:32 UTC (2h). /unmute resumes direct messages.");
    assertThat(subscriptions.subscriber(USER).orElseThrow().receives(clock.instant())).isFalse();
    assertThat(ask("/status"))
        .isEqualTo(
            "You: 0 of 20 subscriptions · direct messages muted until 2025-01-08 16:32 UTC\n"
                + "Bot: source binance · 3 of 5 sources connected · 1 message waiting to be sent");
    assertThat(ask("/unmute")).isEqualTo("🔔 Unmuted: direct messages are on again.");
    assertThat(ask("/unmute")).isEqualTo("You were not muted.");
  }

  @Test
  void badInputAlwaysGetsAFriendlyReplySayingWhatToType() throws Exception {
    start();

    assertThat(ask("/subscribe")).startsWith("Which coin? Type /subscribe SYMBOL");
    assertThat(ask("/subscribe USDT")).startsWith("USDT is a quote currency, not a coin.");
    assertThat(ask("/subscribe ETH lots")).startsWith("I don't understand lots. Type /subscribe");
    assertThat(ask("/subscribe ETH 5k")).startsWith("The smallest amount is $10.0K");
    assertThat(ask("/subscribe ETH <b>")).startsWith("I don't understand <b>.");
    assertThat(ask("/mute forever")).startsWith("Say for how long: /mute 30m");
    assertThat(ask("/mute 31d")).startsWith("At most 30 days");
    assertThat(ask("/frobnicate now"))
        .isEqualTo("I don't know /frobnicate. Try /subscribe, /alerts or /help.");
    assertThat(ask("hello")).startsWith("I understand commands only.");
    assertThat(ask("/" + "x".repeat(5000))).startsWith("I don't know /xxxxxxxxxxxxxxxxxxxxxxx…");
    assertThat(subscriptions.of(USER)).isEmpty();
  }

  @Test
  void aUserOverTheRateLimitGetsOneSlowDownThenSilence() throws Exception {
    start(new UserRateLimiter(2, Duration.ofMinutes(1), Clock.systemUTC()));

    ask("/alerts");
    ask("/alerts");
    assertThat(ask("/alerts")).startsWith("Slow down a little");
    chat.sendText(USER, USER, "/alerts");
    await().atMost(WAIT).until(() -> bot.handledCount() == 4);
    assertThat(chat.sentMessages()).hasSize(3);
  }

  @Test
  void aUserWhoBlockedTheBotIsDeactivatedAndActiveAgainAfterWriting() throws Exception {
    start();
    ask("/subscribe ETH 100k");
    telegram.blockedUser(USER);

    chat.sendText(USER, USER, "/alerts");
    await()
        .atMost(WAIT)
        .until(() -> subscriptions.subscriber(USER).map(s -> !s.active()).orElse(false));
    assertThat(subscriptions.allActive()).isEmpty();

    telegram.unblockUser(USER);
    assertThat(ask("/start")).startsWith("👋");
    assertThat(subscriptions.subscriber(USER).orElseThrow().active()).isTrue();
    assertThat(subscriptions.allActive())
        .extracting(s -> s.coin())
        .containsExactly(new Coin("ETH"));
  }

  @Test
  void repliesWaitOutTelegramsRetryAfter() throws Exception {
    start();
    telegram.rateLimitNext("sendMessage", 1, 1);

    assertThat(ask("/unmute")).isEqualTo("You were not muted.");
    assertThat(telegram.calls("sendMessage")).hasSize(2);
  }

  @Test
  void inGroupsOnlyCommandsAddressedToTheBotAreAnsweredWithAPointerToThePrivateChat()
      throws Exception {
    start();
    chat.sendText(USER, -100123, "/subscribe ETH");
    chat.sendText(USER, -100123, "/help@" + chat.username());

    SentMessage reply = chat.awaitSentMessages(1, WAIT).get(0);
    assertThat(reply.chatId()).isEqualTo("-100123");
    assertThat(reply.text()).contains("private chat", "@" + chat.username());
    await().atMost(WAIT).until(() -> bot.handledCount() == 2);
    assertThat(chat.sentMessages()).hasSize(1);
    assertThat(subscriptions.of(USER)).isEmpty();
  }

  @Test
  void registerMenu_setsThePrivateChatCommands() throws Exception {
    start();
    handler.registerMenu();

    assertThat(chat.commands("all_private_chats"))
        .extracting(c -> c.command())
        .containsExactly("subscribe", "unsubscribe", "alerts", "mute", "unmute", "status", "help");
  }
}
