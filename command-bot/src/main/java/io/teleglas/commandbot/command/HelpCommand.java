package io.teleglas.commandbot.command;

import io.teleglas.core.telegram.Html;
import java.util.List;

/** {@code /help}: every command with an example, generated from the registered commands. */
public final class HelpCommand implements ChatCommand {
  private final List<ChatCommand> commands;

  /** A help listing {@code commands} and itself. */
  public HelpCommand(List<ChatCommand> commands) {
    this.commands = List.copyOf(commands);
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String description() {
    return "list the commands";
  }

  @Override
  public Reply reply(CommandRequest request) {
    StringBuilder out = new StringBuilder("<b>Commands</b>\n");
    List<ChatCommand> listed = new java.util.ArrayList<>(commands);
    listed.add(this);
    for (ChatCommand c : listed) {
      out.append("/").append(c.name());
      if (!c.usage().isEmpty()) {
        out.append(" <code>").append(Html.escape(c.usage())).append("</code>");
      }
      out.append(" — ").append(Html.escape(c.description())).append('\n');
    }
    out.append(
        "\nSymbols can be written as <code>btc</code>, <code>$BTC</code>, <code>BTCUSDT</code> or <code>1000PEPE</code>.");
    return new Reply(out.toString());
  }
}
