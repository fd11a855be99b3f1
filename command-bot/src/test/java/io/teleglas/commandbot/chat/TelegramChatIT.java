package io.teleglas.commandbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.commandbot.command.ChatCommand;
import io.teleglas.commandbot.command.CommandRequest;
import io.teleglas.commandbot.command.CommandRouter;
import io.teleglas.commandbot.command.Reply;
import io.teleglas.commandbot.config.AccessList;
import io.teleglas.core.config.Secret;
import io.teleglas.core.telegram.LongPollingBot;
import io.teleglas.core.telegram.UserRateLimiter;
import io.teleglas.core.testing.FakeBot;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.RecordedCall;
import io.teleglas.core.testing.SentMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The chat layer with real TelegramBots polling a fake Telegram API. */
class TelegramChatIT {
  private static final String TOKEN = "12345678:command-token-0123456789abcdefghijk";

  private final FakeTelegramApi telegram = FakeTelegramApi.start();
  private final FakeBot chat = telegram.bot(TOKEN);
  private final OkHttpClient http = new OkHttpClient();
  private final AtomicInteger counter = new AtomicInteger();
  private LongPollingBot bot;

  /** {@code /count}: a refreshable reply that changes each time, slow enough to overlap. */
  private final ChatCommand count =
      new ChatCommand() {
        @Override
        public String name() {
          return "count";
        }

        @Override
        public String description() {
          return "count";
        }

        @Override
        public Reply reply(CommandRequest request) {
          sleep(200);
          return Reply.refreshable("<b>count</b> " + counter.incrementAndGet(), "/count");
        }
      };

  private void start(AccessList access, UserRateLimiter limiter) throws Exception {
    var client = new OkHttpTelegramClient(http, TOKEN, telegram.telegramUrl());
    TelegramChat handler =
        new TelegramChat(
            client,
            CommandRouter.withHelp(List.of(count)),
            access,
            limiter,
            new SimpleMeterRegistry());
    bot =
        new LongPollingBot(
            Secret.of(TOKEN), URI.create(telegram.baseUrl()), http, new ObjectMapper(), handler, 8);
    bot.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> chat.getUpdatesCount() > 0);
  }

  private static UserRateLimiter generous() {
    return new UserRateLimiter(100, Duration.ofSeconds(1), Clock.systemUTC());
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

  @Test
  void refreshButtonEditsTheMessageInPlace() throws Exception {
    start(AccessList.everyone(), generous());
    chat.sendText(42, 42, "/count");
    SentMessage first = chat.awaitSentMessages(1, Duration.ofSeconds(10)).get(0);
    assertThat(first.text()).isEqualTo("<b>count</b> 1");
    assertThat(first.replyMarkup().toString()).contains("Refresh", "r|/count");

    chat.callbackQuery(42, 42, first.messageId(), "r|/count");

    List<RecordedCall> edits = telegram.awaitCalls("editMessageText", 1, Duration.ofSeconds(10));
    assertThat(edits.get(0).param("text")).isEqualTo("<b>count</b> 2");
    assertThat(edits.get(0).param("message_id")).isEqualTo(String.valueOf(first.messageId()));
    assertThat(edits.get(0).params().get("reply_markup").toString()).contains("r|/count");
    assertThat(
            telegram
                .awaitCalls("answerCallbackQuery", 1, Duration.ofSeconds(10))
                .get(0)
                .param("text"))
        .isEqualTo("Updated");
    assertThat(chat.sentMessages()).hasSize(1);
  }

  @Test
  void callbacksFromUsersOutsideTheAllowListAreRefused() throws Exception {
    start(AccessList.only(Set.of(42L)), generous());
    chat.sendText(42, 42, "/count");
    SentMessage first = chat.awaitSentMessages(1, Duration.ofSeconds(10)).get(0);

    chat.callbackQuery(7, 42, first.messageId(), "r|/count");

    assertThat(
            telegram
                .awaitCalls("answerCallbackQuery", 1, Duration.ofSeconds(10))
                .get(0)
                .param("text"))
        .isEqualTo("Sorry, this bot is private.");
    assertThat(telegram.calls("editMessageText")).isEmpty();
    assertThat(counter).hasValue(1);
  }

  @Test
  void tooManyCommandsGetOneSlowDownAndOthersAreServed() throws Exception {
    start(AccessList.everyone(), new UserRateLimiter(3, Duration.ofMinutes(1), Clock.systemUTC()));
    for (int i = 0; i < 6; i++) {
      chat.sendText(42, 42, "/help");
    }
    chat.sendText(43, 43, "/help");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              List<SentMessage> to42 =
                  chat.sentMessages().stream().filter(m -> m.chatId().equals("42")).toList();
              assertThat(to42).hasSize(4);
              assertThat(to42).filteredOn(m -> m.text().startsWith("Slow down")).hasSize(1);
              assertThat(chat.sentMessages()).filteredOn(m -> m.chatId().equals("43")).hasSize(1);
            });
  }

  @Test
  void adminsAreAllowedAndNotRateLimited() throws Exception {
    start(
        AccessList.only(Set.of(42L)).withAdmins(Set.of(7L)),
        new UserRateLimiter(2, Duration.ofMinutes(1), Clock.systemUTC()));
    for (int i = 0; i < 5; i++) {
      chat.sendText(7, 7, "/help");
    }

    List<SentMessage> replies = chat.awaitSentMessages(5, Duration.ofSeconds(10));
    assertThat(replies).allSatisfy(m -> assertThat(m.text()).startsWith("<b>Commands</b>"));
  }

  @Test
  void twentyUsersAtOnceAllGetAnswersConcurrently() throws Exception {
    start(AccessList.everyone(), generous());
    long started = System.nanoTime();
    for (int user = 1; user <= 20; user++) {
      chat.sendText(user, user, "/count");
    }

    List<SentMessage> replies = chat.awaitSentMessages(20, Duration.ofSeconds(20));

    assertThat(replies).extracting(SentMessage::chatId).doesNotHaveDuplicates().hasSize(20);
    // 20 replies of 200 ms each on 8 workers: well under the 4 s a serial bot would need.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
