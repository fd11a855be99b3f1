package io.teleglas.commandbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.config.DotEnv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandBotAppTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String stdin, String... args) {
    return new CommandBotApp(
            env,
            DotEnv.empty(),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void help_listsEveryFlagAndVariable() {
    assertThat(run(Map.of(), "", "--help")).isZero();
    assertThat(out())
        .contains(
            "--help",
            "--version",
            "--check-config",
            "--console",
            "--offline",
            "TELEGRAM_BOT_TOKEN",
            "TELEGRAM_ALLOWED_USERS",
            "TELEGRAM_ADMIN_IDS",
            "COMMAND_HTTP_ADDR",
            "TELEGRAM_API_URL",
            "COINGLASS_API_KEY",
            "DATA_DIR",
            "LOG_LEVEL",
            "(default: 127.0.0.1:8082)");
  }

  @Test
  void version_printsProgramAndVersion() {
    assertThat(run(Map.of(), "", "--version")).isZero();
    assertThat(out()).matches("command-bot \\d+\\.\\d+\\.\\d+.*\\R");
  }

  @Test
  void checkConfig_printsEffectiveConfigWithSecretsRedacted() {
    String token = "12345678:command-token-0123456789abcdefghijk";
    assertThat(
            run(
                Map.of("TELEGRAM_BOT_TOKEN", token, "COINGLASS_API_KEY", "key-0123456789abcdef"),
                "",
                "--check-config"))
        .isZero();
    assertThat(out())
        .contains("TELEGRAM_BOT_TOKEN", "[REDACTED]  (environment)", "LOG_LEVEL", "INFO  (default)")
        .doesNotContain("command-token", "key-0123456789abcdef");
  }

  @Test
  void checkConfig_invalidExitsTwoListingEveryProblem() {
    assertThat(run(Map.of("LOG_LEVEL", "x", "COMMAND_HTTP_ADDR", "y"), "", "--check-config"))
        .isEqualTo(2);
    assertThat(err())
        .contains("3 problems", "TELEGRAM_BOT_TOKEN", "LOG_LEVEL", "COMMAND_HTTP_ADDR");
  }

  @Test
  void badArgumentsExitTwo() {
    assertThat(run(Map.of(), "", "--offline", "--bogus")).isEqualTo(2);
    assertThat(err())
        .contains("unknown option '--bogus'", "--offline only works together with --console");
  }

  @Test
  void console_printsRepliesAsPlainText() {
    assertThat(run(Map.of(), "/help\n\n/<b>x</b>\n", "--console")).isZero();
    assertThat(out())
        .contains("> /help", "/start — what this bot does", "Unknown command /<b>x</b>.")
        .doesNotContain("<code>");
  }
}
