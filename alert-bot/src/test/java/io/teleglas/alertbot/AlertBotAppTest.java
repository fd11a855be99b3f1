package io.teleglas.alertbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.config.AlertBotConfig;
import io.teleglas.core.config.DotEnv;
import io.teleglas.core.config.KnownVariables;
import io.teleglas.core.config.Variable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertBotAppTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return new AlertBotApp(
            env,
            DotEnv.empty(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  @Test
  void help_listsEveryFlagAndVariable() {
    assertThat(run(Map.of(), "--help")).isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help)
        .contains("--help", "--version", "--check-config", "--demo", "--dry-run", "--replay FILE");
    AlertBotConfig.VARIABLES.forEach(v -> assertThat(help).contains(v.name()));
  }

  @Test
  void version_printsProgramAndVersion() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("alert-bot ");
  }

  @Test
  void checkConfig_liveNeedsTokenAndChannel() {
    assertThat(run(Map.of(), "--check-config")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("TELEGRAM_ALERT_TOKEN", "TELEGRAM_ALERT_CHANNEL_ID");
  }

  @Test
  void checkConfig_demoNeedsNothing() {
    assertThat(run(Map.of(), "--check-config", "--demo")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "ALERT_SOURCES +[=] coinglass,binance,bybit,okx,hyperliquid  \\(default\\)")
        .contains("Note: coinglass is skipped because COINGLASS_API_KEY is not set");
  }

  @Test
  void conflictingModesExitTwo() {
    assertThat(run(Map.of(), "--demo", "--dry-run")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--demo and --dry-run cannot be used together");
  }

  @Test
  void envExample_listsEveryVariableWithItsDefault() {
    DotEnv example = DotEnv.read(Path.of("../.env.example"));
    for (Variable v : AlertBotConfig.VARIABLES) {
      assertThat(example.values())
          .as(v.name())
          .containsEntry(v.name(), v.defaultValue().orElse(""));
      assertThat(KnownVariables.NAMES).contains(v.name());
    }
  }

  @Test
  void replay_printsAlertsBadLinesAndSummaryAndExitsZero(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rec.jsonl");
    try (InputStream in =
        AlertBotAppTest.class.getResourceAsStream("/io/teleglas/alertbot/replay/small.jsonl")) {
      Files.copy(in, file);
    }

    assertThat(run(Map.of(), "--replay", file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("ALERT new        liquidation-storm    #BTC long $2.50M (3 events)")
        .contains("ALERT resolved   liquidation-storm    #BTC long $3.10M (4 events)")
        .contains("ALERT new        whale-trade          #ETH buy $1.50M")
        .contains("replay finished: 7 frames, 6 events, 5 alerts, 4 bad lines");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("skipped line 6: not JSON", "skipped line 10: undecodable binance frame");
  }

  @Test
  void replay_unreadableFileExitsTwoAndSaysWhy(@TempDir Path dir) {
    assertThat(run(Map.of(), "--replay", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("cannot read replay file", "missing.jsonl", "no such file");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("ALERT");
  }
}
