package io.teleglas.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {
  @Test
  void parse_readsAssignmentsQuotesExportAndComments() {
    DotEnv env =
        DotEnv.parse(
            ".env",
            """
        # a comment
        TELEGRAM_BOT_TOKEN=12345678:abc
        export LOG_LEVEL=debug
        DATA_DIR = "/var/lib/teleglas"   # where state lives
        ALERT_SYMBOLS='BTC,ETH # not a comment'
        COMMAND_HTTP_ADDR=off # trailing comment
        EMPTY=

        """);

    assertThat(env.problems()).isEmpty();
    assertThat(env.values())
        .containsEntry("TELEGRAM_BOT_TOKEN", "12345678:abc")
        .containsEntry("LOG_LEVEL", "debug")
        .containsEntry("DATA_DIR", "/var/lib/teleglas")
        .containsEntry("ALERT_SYMBOLS", "BTC,ETH # not a comment")
        .containsEntry("COMMAND_HTTP_ADDR", "off")
        .containsEntry("EMPTY", "");
  }

  @Test
  void parse_reportsEveryBadLineWithItsNumber() {
    DotEnv env =
        DotEnv.parse(".env", "GOOD=1\nthis is not an assignment\nQUOTED=\"unterminated\n1BAD=x\n");

    assertThat(env.values()).containsOnlyKeys("GOOD");
    assertThat(env.problems())
        .extracting(ConfigProblem::variable)
        .containsExactly(".env line 2", ".env line 3", ".env line 4");
  }

  @Test
  void read_missingFileIsEmpty(@TempDir Path dir) {
    DotEnv env = DotEnv.read(dir.resolve(".env"));

    assertThat(env.values()).isEmpty();
    assertThat(env.problems()).isEmpty();
  }

  @Test
  void read_existingFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".env");
    Files.writeString(file, "LOG_LEVEL=WARN\r\nDATA_DIR=/tmp/x\r\n");

    assertThat(DotEnv.read(file).values())
        .containsEntry("LOG_LEVEL", "WARN")
        .containsEntry("DATA_DIR", "/tmp/x");
  }

  @Test
  void read_directoryIsAProblem(@TempDir Path dir) {
    assertThat(DotEnv.read(dir).problems()).hasSize(1);
  }
}
