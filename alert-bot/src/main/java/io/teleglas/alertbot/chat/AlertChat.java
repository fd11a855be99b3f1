package io.teleglas.alertbot.chat;

import io.micrometer.core.instrument.MeterRegistry;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.store.Subscriber;
import io.teleglas.alertbot.store.Subscriptions;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.SymbolResolver;
import io.teleglas.core.telegram.UpdateHandler;
import io.teleglas.core.telegram.UserRateLimiter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The alert bot's private chat: personal subscriptions through {@code /subscribe}, {@code
 * /unsubscribe}, {@code /alerts}, {@code /mute}, {@code /unmute}, {@code /status}, {@code /start}
 * and {@code /help}.
 *
 * <p>Every message from a user marks them active again (they may have blocked the bot before). A
 * user over the per-user rate limit gets one "slow down" and is then ignored until the window has
 * room. In groups and channels the bot does not hold conversations: a command addressed to it by
 * name ({@code /help@this_bot}) is answered with a pointer to the private chat, everything else is
 * ignored, so the bot never talks over a group. Edited messages are ignored, so fixing a typo does
 * not run a command twice.
 *
 * <p>Thread-safe: called concurrently from update threads; holds no per-update state.
 */
public final class AlertChat implements UpdateHandler {
  private static final Logger log = LoggerFactory.getLogger(AlertChat.class);

  private final Replies replies;
  private final AlertCommands commands;
  private final Subscriptions subscriptions;
  private final UserRateLimiter limiter;
  private final String botUsername;
  private final Clock clock;
  private final MeterRegistry metrics;

  /**
   * @param botUsername the bot's username without {@code @} (from {@code getMe}), to recognise
   *     commands addressed to it in groups
   */
  public AlertChat(
      TelegramClient client,
      Subscriptions subscriptions,
      Thresholds thresholds,
      BotStatus status,
      UserRateLimiter limiter,
      String botUsername,
      Clock clock,
      MeterRegistry metrics) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions is null");
    this.limiter = Objects.requireNonNull(limiter, "limiter is null");
    this.botUsername = Objects.requireNonNull(botUsername, "botUsername is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.metrics = Objects.requireNonNull(metrics, "metrics is null");
    this.replies = new Replies(client, subscriptions, clock, metrics);
    this.commands =
        new AlertCommands(
            subscriptions,
            new SymbolResolver(InstrumentCatalog.bundled()),
            thresholds,
            status,
            clock);
  }

  /** Registers the command menu private chats show when the user types "/". */
  public void registerMenu() throws TelegramApiException {
    List<BotCommand> menu =
        AlertCommands.MENU.stream().map(item -> new BotCommand(item[0], item[1])).toList();
    replies
        .client()
        .execute(
            SetMyCommands.builder()
                .commands(menu)
                .scope(new BotCommandScopeAllPrivateChats())
                .build());
  }

  @Override
  public void handle(Update update) {
    if (!update.hasMessage() || update.getMessage().getFrom() == null) {
      return; // edits, channel posts, button presses: nothing to answer
    }
    Message message = update.getMessage();
    if (!message.isUserMessage()) {
      group(message);
      return;
    }
    long chatId = message.getChatId();
    switch (limiter.check(message.getFrom().getId())) {
      case IGNORE -> metrics.counter("teleglas_alert_chat_ignored_total").increment();
      case WARN ->
          replies.send(
              chatId,
              "Slow down a little: at most a few commands every "
                  + limiter.window().toSeconds()
                  + " seconds. I will answer again in a moment.");
      case ALLOW -> {
        activate(chatId);
        String text = message.hasText() ? message.getText() : null;
        metrics
            .counter("teleglas_alert_chat_commands_total", "command", commandTag(text))
            .increment();
        replies.send(chatId, reply(chatId, text));
      }
    }
  }

  private String reply(long chatId, String text) {
    try {
      return commands.reply(chatId, text);
    } catch (RuntimeException e) {
      metrics.counter("teleglas_alert_chat_store_failures_total").increment();
      log.warn("command from chat {} failed: {}", chatId, e.toString());
      return "Sorry, I could not do that just now. Please try again in a minute.";
    }
  }

  private void group(Message message) {
    String text = message.hasText() ? message.getText().strip() : "";
    String first = text.split("\\s+", 2)[0];
    int at = first.indexOf('@');
    boolean toMe =
        first.startsWith("/") && at > 0 && first.substring(at + 1).equalsIgnoreCase(botUsername);
    if (toMe && limiter.check(message.getFrom().getId()) == UserRateLimiter.Decision.ALLOW) {
      replies.send(
          message.getChatId(),
          "I send personal alerts in a private chat: open @"
              + botUsername
              + " and type /start. The channel carries the shared alerts.");
    }
  }

  private void activate(long chatId) {
    try {
      if (subscriptions.subscriber(chatId).filter(Subscriber::active).isEmpty()) {
        subscriptions.activate(chatId, clock.instant());
        log.info("chat {} is active", chatId);
      }
    } catch (RuntimeException e) {
      metrics.counter("teleglas_alert_chat_store_failures_total").increment();
      log.warn("could not mark chat {} active: {}", chatId, e.toString());
    }
  }

  private static String commandTag(String text) {
    if (text == null || !text.startsWith("/")) {
      return "none";
    }
    String word = text.substring(1).split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT);
    return word.equals("start")
            || AlertCommands.MENU.stream().anyMatch(item -> item[0].equals(word))
        ? word
        : "unknown";
  }
}
