package io.teleglas.commandbot;

import io.teleglas.commandbot.command.ChatCommand;
import io.teleglas.commandbot.command.CommandRouter;
import io.teleglas.commandbot.command.Reply;
import io.teleglas.commandbot.config.AccessList;
import io.teleglas.core.telegram.MessageSplitter;
import io.teleglas.core.telegram.UpdateHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The command bot's Telegram side: takes each update, checks the sender may use the bot, routes the
 * text and sends the reply as HTML, split at 4096 characters, honouring Telegram's {@code 429
 * retry_after}. Called concurrently for different updates; holds no mutable state.
 */
final class TelegramChat implements UpdateHandler {
  private static final Logger log = LoggerFactory.getLogger(TelegramChat.class);
  private static final int MAX_ATTEMPTS = 4;
  private static final int MAX_RETRY_AFTER_SECONDS = 30;

  private final TelegramClient client;
  private final CommandRouter router;
  private final AccessList allowed;
  private final MessageSplitter splitter = new MessageSplitter();

  TelegramChat(TelegramClient client, CommandRouter router, AccessList allowed) {
    this.client = client;
    this.router = router;
    this.allowed = allowed;
  }

  /** Registers the command menu users see when they type "/". */
  void registerMenu() throws TelegramApiException {
    List<BotCommand> menu =
        router.commands().stream()
            .map((ChatCommand c) -> new BotCommand(c.name(), c.description()))
            .toList();
    client.execute(SetMyCommands.builder().commands(menu).build());
  }

  @Override
  public void handle(Update update) throws TelegramApiException, InterruptedException {
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
    send(chatId, router.route(userId, chatId, message.hasText() ? message.getText() : null));
  }

  private void send(long chatId, Reply reply) throws TelegramApiException, InterruptedException {
    for (String part : splitter.split(reply.html())) {
      SendMessage request =
          SendMessage.builder()
              .chatId(chatId)
              .text(part)
              .parseMode(ParseMode.HTML)
              .disableWebPagePreview(true)
              .build();
      executeWithRetry(request);
    }
  }

  private void executeWithRetry(SendMessage request)
      throws TelegramApiException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        client.execute(request);
        return;
      } catch (TelegramApiRequestException e) {
        Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        if (e.getErrorCode() == null
            || e.getErrorCode() != 429
            || retryAfter == null
            || attempt >= MAX_ATTEMPTS
            || retryAfter > MAX_RETRY_AFTER_SECONDS) {
          throw e;
        }
        log.info(
            "Telegram asked to wait {} s before replying to chat {}",
            retryAfter,
            request.getChatId());
        Thread.sleep(retryAfter * 1000L);
      }
    }
  }
}
