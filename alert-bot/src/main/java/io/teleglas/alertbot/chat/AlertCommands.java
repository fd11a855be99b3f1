package io.teleglas.alertbot.chat;

import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.store.Subscriber;
import io.teleglas.alertbot.store.Subscriptions;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.SymbolResolution;
import io.teleglas.core.market.SymbolResolver;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The alert bot's private-chat commands: turns one message's text into the reply's HTML and
 * performs what it asks on {@link Subscriptions}. Every input gets a reply; bad input gets one that
 * says what to type. Thread-safe (holds no mutable state).
 */
final class AlertCommands {

  /** The menu, in the order {@code /help} lists it. */
  static final List<String[]> MENU =
      List.of(
          new String[] {"subscribe", "Direct messages about a coin: /subscribe ETH 100k"},
          new String[] {"unsubscribe", "Stop a coin: /unsubscribe ETH"},
          new String[] {"alerts", "Your subscriptions"},
          new String[] {"mute", "Pause direct messages: /mute 1h"},
          new String[] {"unmute", "Resume direct messages"},
          new String[] {"status", "Your settings and the bot's state"},
          new String[] {"help", "How to use this bot"});

  private static final int MAX_ECHO = 24;

  private final Subscriptions subscriptions;
  private final SubscribeCommand subscribe;
  private final BotStatus bot;
  private final Clock clock;

  AlertCommands(
      Subscriptions subscriptions,
      SymbolResolver symbols,
      Thresholds thresholds,
      BotStatus bot,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.subscribe = new SubscribeCommand(subscriptions, symbols, thresholds, clock);
    this.bot = bot;
    this.clock = clock;
  }

  /**
   * The reply to {@code text} from the private chat {@code chatId}.
   *
   * @param text the message text, or null for a message without text (a sticker, a photo)
   */
  String reply(long chatId, String text) {
    if (text == null || !text.strip().startsWith("/")) {
      return "I understand commands only. For example <code>/subscribe BTC 250k</code>; /help"
          + " lists them all.";
    }
    String[] words = text.strip().split("\\s+");
    String command = words[0].substring(1).split("@", 2)[0].toLowerCase(Locale.ROOT);
    List<String> args = List.of(words).subList(1, words.length);
    return switch (command) {
      case "start" -> start();
      case "help" -> help();
      case "subscribe" -> subscribe.run(chatId, args);
      case "unsubscribe" -> unsubscribe(chatId, args);
      case "alerts" -> subscribe.list(chatId);
      case "mute" -> mute(chatId, args);
      case "unmute" -> unmute(chatId);
      case "status" -> status(chatId);
      default ->
          "I don't know <code>"
              + Html.escape(UserInput.echo(words[0], MAX_ECHO))
              + "</code>. Try /subscribe, /alerts or /help.";
    };
  }

  private static String start() {
    return "👋 <b>Teleglas alerts</b>\n"
        + "The channel gets the big liquidations, storms and whale trades. Here you can get your"
        + " own, smaller ones as direct messages.\n\n"
        + "Try <code>/subscribe ETH 100k</code>: every ETH liquidation or whale trade of $100K or"
        + " more. /help lists every command.";
  }

  static String help() {
    StringBuilder out = new StringBuilder("<b>Commands</b>\n");
    for (String[] item : MENU) {
      out.append('/').append(item[0]).append(" — ").append(Html.escape(item[1])).append('\n');
    }
    return out.append("\n<code>/subscribe SYMBOL [liq|whale|funding|oi|all] [MIN_USD]</code>\n")
        .append("Topics default to liq and whale. MIN_USD accepts 100000, 100k, 1.5m or $250K, at")
        .append(" least ")
        .append(Formats.usd(PersonalAlerts.MIN_USD_FLOOR))
        .append("; without it the channel's thresholds apply.\n")
        .append("Up to ")
        .append(Subscriptions.MAX_PER_USER)
        .append(" coins. /mute takes 30m, 2h or 3d, up to 30 days.")
        .toString();
  }

  private String unsubscribe(long chatId, List<String> args) {
    if (args.size() != 1) {
      return "Name one coin: <code>/unsubscribe ETH</code>. /alerts lists yours.";
    }
    SymbolResolution resolved = subscribe.symbols().resolve(args.get(0));
    if (resolved instanceof SymbolResolution.Rejected r) {
      return Html.escape(r.reason()) + " For example <code>/unsubscribe ETH</code>.";
    }
    Coin coin = ((SymbolResolution.Resolved) resolved).coin();
    return subscriptions.remove(chatId, coin)
        ? "🗑 Removed #" + coin.symbol() + ". /alerts lists what is left."
        : "You have no #" + coin.symbol() + " subscription. /alerts lists yours.";
  }

  private String mute(long chatId, List<String> args) {
    Optional<Duration> duration =
        args.size() == 1 ? UserInput.duration(args.get(0)) : Optional.empty();
    if (duration.isEmpty() || duration.get().compareTo(Duration.ofMinutes(1)) < 0) {
      return "Say for how long: <code>/mute 30m</code>, <code>/mute 2h</code> or"
          + " <code>/mute 3d</code>.";
    }
    if (duration.get().compareTo(UserInput.MAX_MUTE) > 0) {
      return "At most 30 days: <code>/mute 30d</code>. /unsubscribe stops a coin for good.";
    }
    Instant until = clock.instant().plus(duration.get());
    subscriptions.mute(chatId, until);
    return "🔕 Muted until "
        + Formats.utc(until)
        + " ("
        + Formats.duration(duration.get())
        + "). /unmute resumes direct messages.";
  }

  private String unmute(long chatId) {
    boolean muted = mutedUntil(chatId).isPresent();
    subscriptions.unmute(chatId);
    return muted ? "🔔 Unmuted: direct messages are on again." : "You were not muted.";
  }

  private String status(long chatId) {
    int count = subscriptions.of(chatId).size();
    String you =
        "<b>You</b>: "
            + count
            + " of "
            + Subscriptions.MAX_PER_USER
            + " subscriptions · direct messages "
            + mutedUntil(chatId).map(t -> "muted until " + Formats.utc(t)).orElse("on");
    String source =
        bot.activeSource().map(s -> "<b>" + Html.escape(s) + "</b>").orElse("<b>none healthy</b>");
    return you
        + "\n<b>Bot</b>: source "
        + source
        + " · "
        + bot.connectedSources()
        + " of "
        + bot.totalSources()
        + " sources connected · "
        + bot.deliveryBacklog()
        + " message"
        + (bot.deliveryBacklog() == 1 ? "" : "s")
        + " waiting to be sent";
  }

  private Optional<Instant> mutedUntil(long chatId) {
    Instant now = clock.instant();
    return subscriptions
        .subscriber(chatId)
        .flatMap(Subscriber::mutedUntil)
        .filter(until -> until.isAfter(now));
  }
}
