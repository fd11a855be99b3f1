package io.teleglas.commandbot.command;

import io.teleglas.core.telegram.Html;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a chat message into a reply: parses {@code /command@bot arg...}, finds the command and
 * answers anything it cannot handle with a short message that says what to type instead. It never
 * throws and never returns an empty reply. Thread-safe.
 */
public final class CommandRouter {
  private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);
  private static final int MAX_ARGS = 8;

  private final Map<String, ChatCommand> commands = new LinkedHashMap<>();
  private final Optional<CommandCounts> counts;

  public CommandRouter(List<ChatCommand> commands) {
    this(commands, Optional.empty());
  }

  private CommandRouter(List<ChatCommand> commands, Optional<CommandCounts> counts) {
    commands.forEach(c -> this.commands.put(c.name(), c));
    this.counts = counts;
  }

  /** A router for {@code commands} plus a {@code /help} that lists them. */
  public static CommandRouter withHelp(List<ChatCommand> commands) {
    return new CommandRouter(plusHelp(commands), Optional.empty());
  }

  /**
   * Like {@link #withHelp(List)}, counting every answered command and failure in {@code counts}.
   */
  public static CommandRouter withHelp(List<ChatCommand> commands, CommandCounts counts) {
    return new CommandRouter(plusHelp(commands), Optional.of(counts));
  }

  private static List<ChatCommand> plusHelp(List<ChatCommand> commands) {
    List<ChatCommand> all = new java.util.ArrayList<>(commands);
    all.add(new HelpCommand(commands));
    return all;
  }

  /** The registered commands in menu order. */
  public List<ChatCommand> commands() {
    return List.copyOf(commands.values());
  }

  /** The reply to a message; {@code text} may be null for messages without text. */
  public Reply route(long userId, long chatId, String text) {
    if (text == null || text.isBlank()) {
      return new Reply("I only understand text commands. Send /help to see them.");
    }
    String trimmed = text.strip();
    if (!trimmed.startsWith("/")) {
      return new Reply("Send a command that starts with a slash; /help lists them all.");
    }
    String[] words = trimmed.split("\\s+");
    String word = words[0].substring(1);
    int at = word.indexOf('@');
    if (at >= 0) {
      word = word.substring(0, at);
    }
    String name = word.toLowerCase(Locale.ROOT);
    Optional<ChatCommand> command = Optional.ofNullable(commands.get(name));
    if (command.isEmpty()) {
      String shown = name.length() > 24 ? name.substring(0, 24) + "…" : name;
      return new Reply(
          "Unknown command <code>/"
              + Html.escape(shown)
              + "</code>. Send /help to see what I can do.");
    }
    List<String> args = Arrays.asList(words).subList(1, Math.min(words.length, MAX_ARGS + 1));
    try {
      Reply reply = command.get().reply(new CommandRequest(userId, chatId, name, args));
      counts.ifPresent(c -> c.record(false));
      return reply;
    } catch (RuntimeException e) {
      log.error("/{} failed", name, e);
      counts.ifPresent(c -> c.record(true));
      return new Reply("Sorry, /" + name + " failed on my side. Please try again in a minute.");
    }
  }
}
