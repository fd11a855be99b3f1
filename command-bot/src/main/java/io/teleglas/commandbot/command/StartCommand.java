package io.teleglas.commandbot.command;

/** {@code /start}: what the bot is, in two lines, and where to go next. */
public final class StartCommand implements ChatCommand {
  @Override
  public String name() {
    return "start";
  }

  @Override
  public String description() {
    return "what this bot does";
  }

  @Override
  public Reply reply(CommandRequest request) {
    return new Reply(
        "<b>Crypto derivatives data on demand.</b>\n"
            + "Live funding, open interest, liquidations and whale flow from CoinGlass and the exchanges.\n\n"
            + "Send /help to see every command.");
  }
}
