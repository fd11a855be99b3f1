package io.teleglas.commandbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.core.config.ConfigException;
import io.teleglas.core.config.ConfigProblem;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Environment;
import io.teleglas.core.config.Secret;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandBotConfigTest {
  static final String TOKEN = "12345678:command-token-0123456789abcdefghijk";
  static final String ALERT_TOKEN = "87654321:alert-token-0123456789abcdefghijklm";

  private static CommandBotConfig read(Map<String, String> env, boolean tokenRequired) {
    return CommandBotConfig.read(new ConfigReader(Environment.of(env)), tokenRequired);
  }

  @Test
  void read_defaults() {
    CommandBotConfig c = read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN), true);

    assertThat(c.botToken()).map(Secret::reveal).contains(TOKEN);
    assertThat(c.allowedUsers().allowsEveryone()).isTrue();
    assertThat(c.adminIds()).isEmpty();
    assertThat(c.httpAddress()).contains(new InetSocketAddress("127.0.0.1", 8082));
    assertThat(c.common().logLevel()).isEqualTo("INFO");
  }

  @Test
  void read_fullMapping() {
    CommandBotConfig c =
        read(
            Map.of(
                "TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_ALERT_TOKEN", ALERT_TOKEN,
                "TELEGRAM_ALLOWED_USERS", "111, 222",
                "TELEGRAM_ADMIN_IDS", "111",
                "COMMAND_HTTP_ADDR", "off",
                "LOG_LEVEL", "warn"),
            true);

    assertThat(c.allowedUsers().allowsEveryone()).isFalse();
    assertThat(c.allowedUsers().allows(222)).isTrue();
    assertThat(c.allowedUsers().allows(333)).isFalse();
    assertThat(c.adminIds()).containsExactly(111L);
    assertThat(c.httpAddress()).isEmpty();
    assertThat(c.common().logLevel()).isEqualTo("WARN");
  }

  @Test
  void read_tokenOptionalInConsoleMode() {
    assertThat(read(Map.of(), false).botToken()).isEmpty();
  }

  @Test
  void read_missingTokenNamesTheVariable() {
    assertThatThrownBy(() -> read(Map.of(), true))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::variable)
                    .containsExactly("TELEGRAM_BOT_TOKEN"));
  }

  @Test
  void read_listsEveryBadValue() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "TELEGRAM_BOT_TOKEN", "nope",
                        "TELEGRAM_ALLOWED_USERS", "*,12",
                        "TELEGRAM_ADMIN_IDS", "abc,-3",
                        "COMMAND_HTTP_ADDR", "localhost",
                        "TELEGRAM_API_URL", "telegram",
                        "LOG_LEVEL", "verbose"),
                    true))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::variable)
                    .containsExactlyInAnyOrder(
                        "TELEGRAM_BOT_TOKEN",
                        "TELEGRAM_ALLOWED_USERS",
                        "TELEGRAM_ADMIN_IDS",
                        "TELEGRAM_ADMIN_IDS",
                        "COMMAND_HTTP_ADDR",
                        "TELEGRAM_API_URL",
                        "LOG_LEVEL"));
  }

  @Test
  void read_refusesTheAlertBotsToken() {
    assertThatThrownBy(
            () -> read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_ALERT_TOKEN", TOKEN), true))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::variable)
                    .containsExactly("TELEGRAM_ALERT_TOKEN"));
  }
}
