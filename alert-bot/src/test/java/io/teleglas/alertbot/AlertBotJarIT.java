package io.teleglas.alertbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code alert-bot.jar}, run as operators run it. */
class AlertBotJarIT {
  private static final Path JAR = Path.of("target/alert-bot.jar");
  private static final Duration EXIT = Duration.ofSeconds(20);
  private static final String TOKEN = "87654321:alert-token-0123456789abcdefghijklm";

  @TempDir Path workDir;

  @Test
  void helpAndVersion() {
    JarProcess help = JarProcess.run(JAR, workDir, Map.of(), "", EXIT, "--help");
    assertThat(help.awaitExit(EXIT)).isZero();
    assertThat(help.stdout())
        .contains("Usage: java -jar alert-bot.jar", "--demo", "--dry-run", "--replay FILE")
        .contains("TELEGRAM_ALERT_TOKEN", "ALERT_SOURCES", "BINANCE_WS_URL", "ALERT_HTTP_ADDR");

    JarProcess version = JarProcess.run(JAR, workDir, Map.of(), "", EXIT, "--version");
    assertThat(version.awaitExit(EXIT)).isZero();
    assertThat(version.stdout()).matches("alert-bot \\d+\\.\\d+\\.\\d+\\S*\\R");
  }

  @Test
  void checkConfigPrintsSecretsRedacted() {
    JarProcess check =
        JarProcess.run(
            JAR,
            workDir,
            Map.of("TELEGRAM_ALERT_TOKEN", TOKEN, "TELEGRAM_ALERT_CHANNEL_ID", "-1001234567890"),
            "",
            EXIT,
            "--check-config");

    assertThat(check.awaitExit(EXIT)).isZero();
    assertThat(check.stdout())
        .contains("alert-bot configuration is valid", "[REDACTED]", "-1001234567890")
        .doesNotContain("alert-token-0123456789");
  }

  @Test
  void checkConfigListsEveryProblemAndExitsTwo() {
    JarProcess check =
        JarProcess.run(
            JAR,
            workDir,
            Map.of(
                "TELEGRAM_ALERT_TOKEN",
                TOKEN,
                "TELEGRAM_BOT_TOKEN",
                TOKEN,
                "ALERT_SOURCES",
                "binance,ftx",
                "BINANCE_WS_URL",
                "wss://fstream.binance.com/ws?legacy=1"),
            "",
            EXIT,
            "--check-config");

    assertThat(check.awaitExit(EXIT)).isEqualTo(2);
    assertThat(check.stderr())
        .contains("4 problems", "TELEGRAM_ALERT_CHANNEL_ID", "must differ from TELEGRAM_BOT_TOKEN")
        .contains("'ftx' is not a source", "BINANCE_WS_URL")
        .doesNotContain("alert-token-0123456789");
  }

  @Test
  void demoReplaysTheBundledRecordingOfflineAndExitsZero() {
    JarProcess demo = JarProcess.run(JAR, workDir, Map.of(), "", Duration.ofSeconds(30), "--demo");

    assertThat(demo.awaitExit(Duration.ofSeconds(30))).isZero();
    assertThat(demo.stdout())
        .contains("ALERT new        liquidation-storm    #BTC long")
        .contains("ALERT resolved   liquidation-storm")
        .contains("ALERT new        large-liquidation")
        .contains("ALERT new        whale-trade")
        .contains("replay finished:", "0 bad lines");
  }

  @Test
  void replayOfAMissingFileFailsClearly() {
    JarProcess replay =
        JarProcess.run(JAR, workDir, Map.of(), "", EXIT, "--replay", "missing.jsonl");

    assertThat(replay.awaitExit(EXIT)).isEqualTo(2);
    assertThat(replay.stderr()).contains("cannot read replay file missing.jsonl", "no such file");
    assertThat(replay.stdout()).doesNotContain("ALERT");
  }
}
