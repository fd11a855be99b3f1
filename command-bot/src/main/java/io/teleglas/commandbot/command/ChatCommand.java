package io.teleglas.commandbot.command;

/**
 * One chat command, e.g. {@code /raw}. Implementations are stateless or thread-safe: replies are
 * computed concurrently for different chats.
 */
public interface ChatCommand {
  /** The command word without the slash, lower case, e.g. {@code raw}. */
  String name();

  /** One line for {@code /help} and the Telegram command menu. */
  String description();

  /** Example arguments shown in {@code /help}, e.g. {@code BTC}; empty when it takes none. */
  default String usage() {
    return "";
  }

  /** The reply, as Telegram HTML with every untrusted string escaped. */
  Reply reply(CommandRequest request);
}
