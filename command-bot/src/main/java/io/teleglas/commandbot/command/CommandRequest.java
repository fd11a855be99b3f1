package io.teleglas.commandbot.command;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A parsed command from a chat: who sent it, the command word and its arguments. */
public record CommandRequest(long userId, long chatId, String command, List<String> args) {
  public CommandRequest {
    requireNonNull(command, "command is null");
    args = List.copyOf(args);
  }
}
