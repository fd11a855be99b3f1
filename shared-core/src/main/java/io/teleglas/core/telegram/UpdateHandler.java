package io.teleglas.core.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Handles one Telegram update. Called concurrently from the bot's update threads, one call per
 * update, so a slow reply never delays another chat; implementations must be thread-safe.
 * Exceptions are caught, counted and logged by the caller.
 */
@FunctionalInterface
public interface UpdateHandler {
  void handle(Update update) throws Exception;
}
