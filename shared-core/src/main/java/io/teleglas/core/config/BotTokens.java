package io.teleglas.core.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two Telegram bot tokens. Each bot reads both: they must differ, because two processes polling
 * one token knock each other off Telegram ({@code 409 Conflict}), which the old system did.
 */
public final class BotTokens {
  public static final Variable TELEGRAM_BOT_TOKEN =
      Variable.secret(
          "TELEGRAM_BOT_TOKEN", "command bot token from @BotFather; required unless --console");
  public static final Variable TELEGRAM_ALERT_TOKEN =
      Variable.secret(
          "TELEGRAM_ALERT_TOKEN",
          "alert bot token from @BotFather; required unless --demo/--dry-run/--replay; must differ from TELEGRAM_BOT_TOKEN");

  private static final Pattern SHAPE = Pattern.compile("\\d{5,20}:[A-Za-z0-9_-]{30,64}");

  private BotTokens() {}

  /**
   * Reads an optional token, checking it has the shape @BotFather gives ({@code 123456789:AbC...}).
   */
  public static Optional<Secret> read(ConfigReader reader, Variable v) {
    return read(reader, v, Optional.empty());
  }

  /**
   * Reads a token; when {@code requiredBecause} is present and the token is unset, records a
   * problem saying why it is needed.
   */
  public static Optional<Secret> read(
      ConfigReader reader, Variable v, Optional<String> requiredBecause) {
    Optional<Secret> token = reader.secret(v);
    if (token.isEmpty()) {
      requiredBecause.ifPresent(why -> reader.problem(v, "is required: " + why));
      return token;
    }
    if (!SHAPE.matcher(token.get().reveal()).matches()) {
      reader.problem(
          v,
          "does not look like a bot token from @BotFather (digits, a colon, then 30+ letters, digits, '-' or '_')");
      return Optional.empty();
    }
    return token;
  }

  /** Reads both tokens and records a problem when they are the same. */
  public static void requireDistinct(
      ConfigReader reader, Optional<Secret> botToken, Optional<Secret> alertToken) {
    if (botToken.isPresent() && alertToken.isPresent() && botToken.get().sameAs(alertToken.get())) {
      reader.problem(
          "TELEGRAM_ALERT_TOKEN",
          "must differ from TELEGRAM_BOT_TOKEN: each bot needs its own token from @BotFather");
    }
  }
}
