package io.teleglas.commandbot.config;

import static java.util.Objects.requireNonNull;

import io.teleglas.core.config.BotTokens;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Secret;
import io.teleglas.core.config.Variable;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything the command bot is configured with. */
public record CommandBotConfig(
    CommonConfig common,
    Optional<Secret> botToken,
    AccessList allowedUsers,
    Set<Long> adminIds,
    Optional<InetSocketAddress> httpAddress) {

  public static final Variable TELEGRAM_ALLOWED_USERS =
      Variable.withDefault(
          "TELEGRAM_ALLOWED_USERS",
          "*",
          "comma-separated Telegram user ids allowed to use the bot; * = everyone");
  public static final Variable TELEGRAM_ADMIN_IDS =
      Variable.optional(
          "TELEGRAM_ADMIN_IDS", "comma-separated user ids allowed to use admin commands");
  public static final Variable COMMAND_HTTP_ADDR =
      Variable.withDefault(
          "COMMAND_HTTP_ADDR",
          "127.0.0.1:8082",
          "health and metrics listener, host:port; off disables it");

  /** Every variable the command bot reads, in the order {@code --help} lists them. */
  public static final List<Variable> VARIABLES;

  static {
    List<Variable> all =
        new ArrayList<>(
            List.of(
                BotTokens.TELEGRAM_BOT_TOKEN,
                TELEGRAM_ALLOWED_USERS,
                TELEGRAM_ADMIN_IDS,
                COMMAND_HTTP_ADDR));
    all.addAll(CommonConfig.VARIABLES);
    all.add(BotTokens.TELEGRAM_ALERT_TOKEN);
    VARIABLES = List.copyOf(all);
  }

  public CommandBotConfig {
    requireNonNull(common, "common is null");
    requireNonNull(botToken, "botToken is null");
    requireNonNull(allowedUsers, "allowedUsers is null");
    adminIds = Set.copyOf(adminIds);
    requireNonNull(httpAddress, "httpAddress is null");
  }

  /**
   * Reads and validates the command bot's configuration, throwing a {@link
   * io.teleglas.core.config.ConfigException} that lists every problem.
   *
   * @param tokenRequired false in {@code --console} mode, which never talks to Telegram
   */
  public static CommandBotConfig read(ConfigReader reader, boolean tokenRequired) {
    Optional<Secret> token =
        BotTokens.read(
            reader,
            BotTokens.TELEGRAM_BOT_TOKEN,
            tokenRequired
                ? Optional.of(
                    "the command bot's token from @BotFather (or try it without Telegram: --console)")
                : Optional.empty());
    AccessList allowed = readAllowed(reader);
    Set<Long> admins = reader.userIds(TELEGRAM_ADMIN_IDS, reader.list(TELEGRAM_ADMIN_IDS));
    Optional<InetSocketAddress> http = reader.listenAddress(COMMAND_HTTP_ADDR);
    CommonConfig common = CommonConfig.read(reader);
    Optional<Secret> alertToken = BotTokens.read(reader, BotTokens.TELEGRAM_ALERT_TOKEN);
    BotTokens.requireDistinct(reader, token, alertToken);
    reader.finish();
    return new CommandBotConfig(common, token, allowed, admins, http);
  }

  private static AccessList readAllowed(ConfigReader reader) {
    List<String> items = reader.list(TELEGRAM_ALLOWED_USERS);
    if (items.contains("*")) {
      if (items.size() > 1) {
        reader.problem(
            TELEGRAM_ALLOWED_USERS, "use either * (everyone) or a list of user ids, not both");
      }
      return AccessList.everyone();
    }
    if (items.isEmpty()) {
      return AccessList.everyone();
    }
    return AccessList.only(reader.userIds(TELEGRAM_ALLOWED_USERS, items));
  }
}
