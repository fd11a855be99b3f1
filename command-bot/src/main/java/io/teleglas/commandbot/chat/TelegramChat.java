package io.teleglas.commandbot.chat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.teleglas.commandbot.command.ChatCommand;
import io.teleglas.commandbot.command.CommandRouter;
import io.teleglas.commandbot.command.Reply;
import io.teleglas.commandbot.config.AccessList;
import io.teleglas.core.telegram.MessageSplitter;
import io.teleglas.core.telegram.RetryAfter;
import io.teleglas.core.telegram.UpdateHandler;
import io.teleglas.core.telegram.UserRateLimiter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The command bot's Telegram side: for each update checks the sender may use the bot and is within
 * the per-user rate limit, routes the text and sends the reply as HTML, split at 4096 characters,
 * honouring Telegram's {@code 429 retry_after}. A reply that can be refreshed carries a "Refresh"
 * button; pressing it re-runs the command and edits the message in place. Called concurrently for
 * different updates; holds no per-update state.
 */
public final class TelegramChat implements UpdateHandler {
  private static final Logger log = LoggerFactory.getLogger(TelegramChat.class);
  private static final String REFRESH_PREFIX = "r|";

  private final TelegramClient client;
  private final CommandRouter router;
  private final AccessList allowed;
  private final UserRateLimiter limiter;
  private final MeterRegistry metrics;
  private final MessageSplitter splitter = new MessageSplitter();

  public TelegramChat(
      TelegramClient client,
      CommandRouter router,
      AccessList allowed,
      UserRateLimiter limiter,
      MeterRegistry metrics) {
    this.client = client;
    this.router = router;
    this.allowed = allowed;
    this.limiter = limiter;
    this.metrics = metrics;
  }

  /** Registers the command menu users see when they type "/". */
  public void registerMenu() throws TelegramApiException {
    List<BotCommand> menu =
        router.commands().stream()
            .map((ChatCommand c) -> new BotCommand(c.name(), c.description()))
            .toList();
    client.execute(SetMyCommands.builder().commands(menu).build());
  }

  @Override
  public void handle(Update update) throws TelegramApiException, InterruptedException {
    if (update.hasCallbackQuery()) {
      handleCallback(update.getCallbackQuery());
      return;
    }
    Message message =
        update.hasMessage()
            ? update.getMessage()
            : update.hasEditedMessage() ? update.getEditedMessage() : null;
    if (message == null || message.getFrom() == null) {
      return;
    }
    long userId = message.getFrom().getId();
    long chatId = message.getChatId();
    if (!allowed.allows(userId)) {
      log.info("refused user {}: not in TELEGRAM_ALLOWED_USERS", userId);
      send(chatId, new Reply("Sorry, this bot is private."));
      return;
    }
    switch (allowed.isAdmin(userId) ? UserRateLimiter.Decision.ALLOW : limiter.check(userId)) {
      case WARN -> send(chatId, slowDown());
      case IGNORE -> log.debug("ignoring user {}: over the rate limit", userId);
      case ALLOW ->
          send(chatId, timed(userId, chatId, message.hasText() ? message.getText() : null));
    }
  }

  private void handleCallback(CallbackQuery query)
      throws TelegramApiException, InterruptedException {
    long userId = query.getFrom().getId();
    MaybeInaccessibleMessage message = query.getMessage();
    String data = query.getData();
    if (!allowed.allows(userId)) {
      answer(query, "Sorry, this bot is private.");
      return;
    }
    if (message == null || data == null || !data.startsWith(REFRESH_PREFIX)) {
      answer(query, "This button no longer works. Send the command again.");
      return;
    }
    if (!allowed.isAdmin(userId) && limiter.check(userId) != UserRateLimiter.Decision.ALLOW) {
      answer(query, "Slow down a little, then try again.");
      return;
    }
    Reply reply = timed(userId, message.getChatId(), data.substring(REFRESH_PREFIX.length()));
    List<String> parts = splitter.split(reply.html());
    EditMessageText edit =
        EditMessageText.builder()
            .chatId(message.getChatId())
            .messageId(message.getMessageId())
            .text(parts.get(0))
            .parseMode(ParseMode.HTML)
            .disableWebPagePreview(true)
            .replyMarkup(parts.size() == 1 ? keyboard(reply) : null)
            .build();
    try {
      executeWithRetry(edit);
      answer(query, "Updated");
    } catch (TelegramApiRequestException e) {
      if (e.getApiResponse() != null && e.getApiResponse().contains("message is not modified")) {
        answer(query, "Already up to date");
      } else {
        answer(query, "Could not update the message. Send the command again.");
        throw e;
      }
    }
  }

  private Reply timed(long userId, long chatId, String text) {
    String command = commandName(text);
    Timer.Sample sample = Timer.start(metrics);
    Reply reply = router.route(userId, chatId, text);
    sample.stop(
        Timer.builder("teleglas_command_seconds")
            .description("Time to compute a command's reply")
            .tag("command", command)
            .register(metrics));
    return reply;
  }

  private String commandName(String text) {
    if (text == null || !text.startsWith("/")) {
      return "none";
    }
    String word = text.substring(1).split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT);
    return router.commands().stream().anyMatch(c -> c.name().equals(word)) ? word : "unknown";
  }

  private Reply slowDown() {
    return new Reply(
        "Slow down a little: at most a few commands every "
            + limiter.window().toSeconds()
            + " seconds. I will answer again in a moment.");
  }

  private void send(long chatId, Reply reply) throws TelegramApiException, InterruptedException {
    List<String> parts = splitter.split(reply.html());
    for (int i = 0; i < parts.size(); i++) {
      SendMessage request =
          SendMessage.builder()
              .chatId(chatId)
              .text(parts.get(i))
              .parseMode(ParseMode.HTML)
              .disableWebPagePreview(true)
              .replyMarkup(i == parts.size() - 1 ? keyboard(reply) : null)
              .build();
      executeWithRetry(request);
    }
  }

  private static InlineKeyboardMarkup keyboard(Reply reply) {
    return reply
        .refresh()
        .map(
            command ->
                InlineKeyboardMarkup.builder()
                    .keyboardRow(
                        new InlineKeyboardRow(
                            InlineKeyboardButton.builder()
                                .text("🔄 Refresh")
                                .callbackData(REFRESH_PREFIX + command)
                                .build()))
                    .build())
        .orElse(null);
  }

  private void answer(CallbackQuery query, String text) throws TelegramApiException {
    client.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text(text).build());
  }

  private <T extends java.io.Serializable> void executeWithRetry(BotApiMethod<T> request)
      throws TelegramApiException, InterruptedException {
    RetryAfter.execute(client, request, metrics.counter("teleglas_telegram_429_total"));
  }
}
