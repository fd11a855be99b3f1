package io.teleglas.commandbot;

import okhttp3.OkHttpClient;

/** Lets tests in other packages build the same HTTP client the bot uses. */
public final class CommandBotAppAccess {
  private CommandBotAppAccess() {}

  public static OkHttpClient httpClient() {
    return CommandBotApp.httpClient();
  }
}
