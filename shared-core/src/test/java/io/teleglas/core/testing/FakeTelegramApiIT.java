package io.teleglas.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.DeleteMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Drives {@link FakeTelegramApi} with the real TelegramBots 10.2.0 poller and client, and with raw
 * HTTP.
 */
class FakeTelegramApiIT {

  private static final String TOKEN = "123456:TEST-token";
  private static final String OTHER_TOKEN = "654321:OTHER-token";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final MediaType JSON = MediaType.get("application/json");

  private final List<ScheduledExecutorService> pollers = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Update> received = new LinkedBlockingQueue<>();
  private final ObjectMapper mapper = new ObjectMapper();
  private FakeTelegramApi telegram;
  private OkHttpClient http;
  private TelegramClient client;
  private TelegramBotsLongPollingApplication app;

  @BeforeEach
  void startFake() {
    telegram = FakeTelegramApi.start();
    http = new OkHttpClient();
    client = new OkHttpTelegramClient(http, TOKEN, telegram.telegramUrl());
  }

  @AfterEach
  void stopEverything() throws Exception {
    if (app != null) {
      app.close(); // stops scheduling polls, but neither aborts the one in flight nor stops the
      // poller (java-stack §2)
    }
    telegram.answerPollsImmediately(); // so the poller's last request ends at once and cleanly
    for (ScheduledExecutorService poller : pollers) {
      poller.shutdown();
      if (!poller.awaitTermination(5, TimeUnit.SECONDS)) {
        poller.shutdownNow();
      }
    }
    telegram.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void startCommand_reachesTheBot_andItsHtmlReplyIsRecorded() throws Exception {
    poll(
        TOKEN,
        update -> {
          received.add(update);
          if ("/start".equals(update.getMessage().getText())) {
            send(
                SendMessage.builder()
                    .chatId(update.getMessage().getChatId())
                    .text("<b>Hello</b> &lt;you&gt;")
                    .parseMode(ParseMode.HTML)
                    .build());
          }
        });

    telegram.bot(TOKEN).sendText(42, 42, "/start");

    SentMessage reply = telegram.bot(TOKEN).awaitSentMessages(1, WAIT).get(0);
    assertThat(reply.token()).isEqualTo(TOKEN);
    assertThat(reply.numericChatId()).isEqualTo(42);
    assertThat(reply.text()).isEqualTo("<b>Hello</b> &lt;you&gt;");
    assertThat(reply.parseMode()).isEqualToIgnoringCase("html");
    assertThat(reply.messageId()).isPositive();
    Update start = received.poll(1, TimeUnit.SECONDS);
    // Not isCommand(): in TelegramBots 10.2.0 it is false until getEntities() has run once (entity
    // text is lazy).
    assertThat(start.getMessage().getEntities())
        .singleElement()
        .satisfies(
            entity -> {
              assertThat(entity.getType()).isEqualTo("bot_command");
              assertThat(entity.getText()).isEqualTo("/start");
            });
    assertThat(start.getMessage().getFrom().getId()).isEqualTo(42L);
    assertThat(telegram.calls("deleteWebhook")).hasSize(1);
  }

  @Test
  void idlePoller_isHeld_notAnsweredAtOnce() {
    poll(TOKEN, received::add);
    FakeBot bot = telegram.bot(TOKEN);
    await().atMost(WAIT).until(() -> bot.getUpdatesCount() >= 1);

    // With a 1 s hold about 3 polls fit in 2 s; answering at once gives thousands (java-stack §2).
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> bot.getUpdatesCount() <= 5);
  }

  @Test
  void heldPoll_returnsAsSoonAsAnUpdateIsEnqueued() throws Exception {
    telegram.close();
    telegram = FakeTelegramApi.builder().longPollHold(Duration.ofSeconds(30)).start();
    poll(TOKEN, received::add);
    await().atMost(WAIT).until(() -> telegram.getUpdatesCount() >= 1);

    telegram.bot(TOKEN).sendText(7, 7, "hello");

    Update update = received.poll(5, TimeUnit.SECONDS); // far less than the 30 s hold
    assertThat(update).isNotNull();
    assertThat(update.getMessage().getText()).isEqualTo("hello");
  }

  @Test
  void rateLimit_surfacesAs429WithRetryAfter_thenSendsSucceed() throws Exception {
    telegram.rateLimitNext("sendMessage", 1, 7);

    assertThatThrownBy(() -> client.execute(text(42, "first")))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(429);
              assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
              assertThat(e.getApiResponse()).isEqualTo("Too Many Requests: retry after 7");
            });
    assertThat(client.execute(text(42, "second")).getText()).isEqualTo("second");
    assertThat(telegram.calls("sendMessage"))
        .extracting(RecordedCall::httpStatus)
        .containsExactly(429, 200);
    assertThat(telegram.sentMessages()).extracting(SentMessage::text).containsExactly("second");
  }

  @Test
  void serverErrors_surfaceAsExceptions_untilTheInjectedFailuresAreUsedUp() throws Exception {
    telegram.failNext(FakeTelegramApi.ANY_SEND, 1, 502, "Bad Gateway");
    telegram.failNextWithBody("sendMessage", 1, 502, "<html><body>502 Bad Gateway</body></html>");

    assertThatThrownBy(() -> client.execute(text(42, "a")))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo(502));
    assertThatThrownBy(() -> client.execute(text(42, "b")))
        .isInstanceOf(TelegramApiRequestException.class);
    assertThat(client.execute(text(42, "c")).getMessageId()).isPositive();
    assertThat(telegram.calls("sendMessage"))
        .extracting(RecordedCall::httpStatus)
        .containsExactly(502, 502, 200);
  }

  @Test
  void resetConnection_andLatency_areInjectable() throws Exception {
    telegram.disconnectNext("sendMessage", 1);
    assertThatThrownBy(() -> client.execute(text(42, "lost")))
        .isInstanceOf(TelegramApiException.class);
    assertThat(telegram.calls("sendMessage"))
        .extracting(RecordedCall::httpStatus)
        .containsExactly(0);

    telegram.sendLatency(Duration.ofMillis(400));
    long start = System.nanoTime();
    client.execute(text(42, "slow"));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void editMessageText_answersTheEditedMessage_andRejectsNoOpAndMissingEdits() throws Exception {
    Message sent = client.execute(text(42, "v1"));
    EditMessageText edit =
        EditMessageText.builder()
            .chatId(42L)
            .messageId(sent.getMessageId())
            .text("<b>v2</b>")
            .parseMode(ParseMode.HTML)
            .build();

    Serializable edited = client.execute(edit);

    assertThat(edited)
        .isInstanceOfSatisfying(
            Message.class,
            m -> {
              assertThat(m.getMessageId()).isEqualTo(sent.getMessageId());
              assertThat(m.getText()).isEqualTo("v2");
              assertThat(m.getEditDate()).isNotNull();
            });
    assertThat(telegram.calls("editMessageText"))
        .singleElement()
        .satisfies(call -> assertThat(call.param("text")).isEqualTo("<b>v2</b>"));
    assertThatThrownBy(() -> client.execute(edit)).hasMessageContaining("message is not modified");
    EditMessageText missing =
        EditMessageText.builder().chatId(42L).messageId(999_999).text("x").build();
    assertThatThrownBy(() -> client.execute(missing))
        .hasMessageContaining("message to edit not found");
  }

  @Test
  void replyMarkup_canBeEditedAway_andMessagesDeletedOnce() throws Exception {
    Message sent =
        client.execute(
            SendMessage.builder().chatId(42L).text("pick").replyMarkup(keyboard()).build());
    assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData())
        .isEqualTo("refresh");

    Serializable edited =
        client.execute(
            EditMessageReplyMarkup.builder().chatId(42L).messageId(sent.getMessageId()).build());
    Boolean deleted = client.execute(new DeleteMessage("42", sent.getMessageId()));

    assertThat(edited)
        .isInstanceOfSatisfying(Message.class, m -> assertThat(m.getReplyMarkup()).isNull());
    assertThat(deleted).isTrue();
    assertThatThrownBy(() -> client.execute(new DeleteMessage("42", sent.getMessageId())))
        .hasMessageContaining("message to delete not found");
  }

  @Test
  void callbackQuery_reachesTheBot_andCanBeAnsweredOnce() throws Exception {
    poll(TOKEN, received::add);
    Message keyboardMessage =
        client.execute(
            SendMessage.builder().chatId(42L).text("BTC").replyMarkup(keyboard()).build());

    String queryId =
        telegram.bot(TOKEN).callbackQuery(42, 42, keyboardMessage.getMessageId(), "refresh");

    Update update = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(update).isNotNull();
    assertThat(update.getCallbackQuery().getData()).isEqualTo("refresh");
    assertThat(update.getCallbackQuery().getFrom().getId()).isEqualTo(42L);
    assertThat(update.getCallbackQuery().getMessage().getMessageId())
        .isEqualTo(keyboardMessage.getMessageId());
    assertThat(client.execute(new AnswerCallbackQuery(queryId))).isTrue();
    assertThatThrownBy(() -> client.execute(new AnswerCallbackQuery("made-up")))
        .hasMessageContaining("query ID is invalid");
  }

  @Test
  void messagesWithoutText_andEditedMessages_reachTheBot() {
    poll(TOKEN, received::add);
    FakeBot bot = telegram.bot(TOKEN);

    bot.sendSticker(5, 5);
    bot.sendPhoto(5, 5, "chart");
    int original = bot.sendText(5, 5, "BTC");
    bot.editedMessage(5, 5, original, "ETH");

    await().atMost(WAIT).until(() -> received.size() == 4);
    List<Update> updates = List.copyOf(received);
    assertThat(updates.get(0).getMessage().hasSticker()).isTrue();
    assertThat(updates.get(0).getMessage().hasText()).isFalse();
    assertThat(updates.get(1).getMessage().hasPhoto()).isTrue();
    assertThat(updates.get(1).getMessage().getCaption()).isEqualTo("chart");
    assertThat(updates.get(2).getMessage().getText()).isEqualTo("BTC");
    assertThat(updates.get(3).getEditedMessage().getText()).isEqualTo("ETH");
    assertThat(updates.get(3).getEditedMessage().getMessageId()).isEqualTo(original);
  }

  @Test
  void rawUpdates_getAnIdWhenTheyHaveNone() {
    poll(TOKEN, received::add);

    long id =
        telegram
            .bot(TOKEN)
            .enqueueUpdate(
                "{\"message\":{\"message_id\":77,\"date\":1700000000,"
                    + "\"chat\":{\"id\":9,\"type\":\"private\"},\"from\":{\"id\":9,\"is_bot\":false,\"first_name\":\"N\"},"
                    + "\"text\":\"raw\"}}");

    await().atMost(WAIT).until(() -> !received.isEmpty());
    assertThat(received.peek().getUpdateId()).isEqualTo((int) id);
    assertThat(received.peek().getMessage().getText()).isEqualTo("raw");
  }

  @Test
  void methodNames_matchCaseInsensitively() throws Exception {
    for (String method : List.of("SendMessage", "sendmessage", "SENDMESSAGE")) {
      JsonNode answer = post(TOKEN, method, "{\"chat_id\":42,\"text\":\"" + method + "\"}", 200);
      assertThat(answer.path("result").path("text").asText()).isEqualTo(method);
    }
    assertThat(telegram.sentMessages()).hasSize(3);
    assertThat(post(TOKEN, "noSuchMethod", "{}", 404).path("description").asText())
        .isEqualTo("Not Found");
  }

  @Test
  void getUpdates_confirmsByOffset_andHoldsWhenNothingIsPending() throws Exception {
    FakeBot bot = telegram.bot(TOKEN);
    bot.sendText(1, 1, "a");
    bot.sendText(1, 1, "b");

    JsonNode both = post(TOKEN, "getUpdates", "{\"timeout\":50}", 200).path("result");
    long first = both.get(0).path("update_id").asLong();
    long second = both.get(1).path("update_id").asLong();
    JsonNode afterFirst =
        post(TOKEN, "getUpdates", "{\"offset\":" + (first + 1) + "}", 200).path("result");
    long start = System.nanoTime();
    JsonNode none =
        post(TOKEN, "getUpdates", "{\"offset\":" + (second + 1) + ",\"timeout\":50}", 200)
            .path("result");

    assertThat(both).hasSize(2);
    assertThat(afterFirst).hasSize(1);
    assertThat(afterFirst.get(0).path("update_id").asLong()).isEqualTo(second);
    assertThat(none).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(bot.pendingUpdateCount()).isZero();
    assertThat(bot.getUpdatesCount()).isEqualTo(3);
  }

  @Test
  void twoBots_shareOneFake_withoutSeeingEachOthersUpdates() throws Exception {
    BlockingQueue<Update> other = new LinkedBlockingQueue<>();
    poll(TOKEN, received::add);
    poll(OTHER_TOKEN, other::add);
    TelegramClient otherClient =
        new OkHttpTelegramClient(http, OTHER_TOKEN, telegram.telegramUrl());

    telegram.bot(TOKEN).sendText(1, 1, "for the first");
    telegram.bot(OTHER_TOKEN).sendText(2, 2, "for the other");
    client.execute(text(1, "from the first"));
    otherClient.execute(text(2, "from the other"));

    assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS).getMessage().getText())
        .isEqualTo("for the first");
    assertThat(other.poll(WAIT.toSeconds(), TimeUnit.SECONDS).getMessage().getText())
        .isEqualTo("for the other");
    assertThat(telegram.bot(OTHER_TOKEN).sentMessages())
        .extracting(SentMessage::text)
        .containsExactly("from the other");
    assertThat(telegram.sentMessages())
        .extracting(SentMessage::token)
        .containsExactly(TOKEN, OTHER_TOKEN);
    assertThat(client.execute(new GetMe()).getId()).isEqualTo(123456L);
    assertThat(otherClient.execute(new GetMe()).getId()).isEqualTo(654321L);
  }

  @Test
  void blockedUser_gets403_andOthersStillGetMessages() throws Exception {
    telegram.blockedUser(99);

    assertThatThrownBy(() -> client.execute(text(99, "hi")))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(403);
              assertThat(e.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
            });
    assertThat(client.execute(text(42, "hi")).getText()).isEqualTo("hi");
    telegram.unblockUser(99);
    assertThat(client.execute(text(99, "again")).getText()).isEqualTo("again");
  }

  @Test
  void conflictMode_answersGetUpdatesWith409() throws Exception {
    telegram.conflictOnGetUpdates(true);
    JsonNode conflict = post(TOKEN, "getupdates", "{\"offset\":1,\"timeout\":50}", 409);
    telegram.conflictOnGetUpdates(false);

    assertThat(conflict.path("error_code").asInt()).isEqualTo(409);
    assertThat(conflict.path("description").asText())
        .isEqualTo(
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    assertThat(
            post(TOKEN, "getupdates", "{\"offset\":1,\"timeout\":1}", 200).path("ok").asBoolean())
        .isTrue();
  }

  @Test
  void badHtml_andOverlongText_areRejectedLikeTelegram() throws Exception {
    assertThatThrownBy(() -> client.execute(html(42, "<b>unclosed")))
        .hasMessageContaining(
            "[400] Bad Request: can't parse entities: Can't find end tag corresponding to start tag");
    assertThatThrownBy(() -> client.execute(html(42, "1 < 2")))
        .hasMessageContaining(
            "Bad Request: can't parse entities: Unsupported start tag \"\" at byte offset 2");
    assertThatThrownBy(() -> client.execute(text(42, "x".repeat(MessageMethods.MAX_TEXT + 1))))
        .hasMessageContaining("Bad Request: message is too long");

    assertThat(
            client
                .execute(html(42, "<b>" + "x".repeat(MessageMethods.MAX_TEXT) + "</b>"))
                .getText())
        .hasSize(MessageMethods.MAX_TEXT);
  }

  @Test
  void getMe_andCommands_areAnsweredAndRecorded() throws Exception {
    telegram.bot(TOKEN).identity(123456, "Teleglas", "teleglas_bot");

    User me = client.execute(new GetMe());
    client.execute(
        SetMyCommands.builder()
            .command(new BotCommand("start", "Start"))
            .command(new BotCommand("raw", "Raw market data"))
            .build());

    assertThat(me.getIsBot()).isTrue();
    assertThat(me.getUserName()).isEqualTo("teleglas_bot");
    assertThat(telegram.bot(TOKEN).commands())
        .containsExactly(
            new RegisteredCommand("start", "Start"),
            new RegisteredCommand("raw", "Raw market data"));
    client.execute(DeleteMyCommands.builder().build());
    assertThat(telegram.bot(TOKEN).commands()).isEmpty();
  }

  /** Registers a bot whose updates go to {@code handler}, on the poller thread. */
  private void poll(String token, Consumer<Update> handler) {
    if (app == null) {
      app =
          new TelegramBotsLongPollingApplication(
              ObjectMapper::new,
              new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(),
              this::daemonPoller);
    }
    try {
      app.registerBot(
          token,
          telegram::telegramUrl,
          new DefaultGetUpdatesGenerator(),
          updates -> updates.forEach(handler));
    } catch (TelegramApiException e) {
      throw new AssertionError("registerBot failed", e);
    }
  }

  private ScheduledExecutorService daemonPoller() {
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "test-tg-poller");
              thread.setDaemon(true);
              return thread;
            });
    pollers.add(poller);
    return poller;
  }

  private void send(SendMessage message) {
    try {
      client.execute(message);
    } catch (TelegramApiException e) {
      throw new AssertionError("send failed", e);
    }
  }

  private JsonNode post(String token, String method, String body, int expectedStatus)
      throws IOException {
    Request request =
        new Request.Builder()
            .url(telegram.baseUrl() + "/bot" + token + "/" + method)
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).as("HTTP status of " + method).isEqualTo(expectedStatus);
      return mapper.readTree(response.body().string());
    }
  }

  private static SendMessage text(long chatId, String text) {
    return SendMessage.builder().chatId(chatId).text(text).build();
  }

  private static SendMessage html(long chatId, String text) {
    return SendMessage.builder().chatId(chatId).text(text).parseMode(ParseMode.HTML).build();
  }

  private static InlineKeyboardMarkup keyboard() {
    return InlineKeyboardMarkup.builder()
        .keyboardRow(
            new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("Refresh").callbackData("refresh").build()))
        .build();
  }
}
