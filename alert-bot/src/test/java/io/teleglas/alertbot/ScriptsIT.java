package io.teleglas.alertbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations scripts in {@code scripts/} as an operator runs them: the installer into a
 * temporary root (files, modes, the rendered units), and {@code run-as-unit.sh} starting the real
 * {@code alert-bot.jar} with the unit's ExecStart line and environment. Nothing outside the
 * temporary directory is touched: {@code --root} and {@code --no-system} skip the user, ownership
 * and systemctl.
 */
class ScriptsIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path INSTALL = REPO.resolve("scripts/install.sh");
  private static final Path RUN_AS_UNIT = REPO.resolve("scripts/run-as-unit.sh");

  @TempDir Path tmp;

  @Test
  void install_intoARoot_writesJarsEnvDataDirectoryAndHardenedUnits() throws Exception {
    Path jars = fakeJars();
    Path root = tmp.resolve("root");

    Result result = run(INSTALL.toString(), "--root", root.toString(), "--jars", jars.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    Path prefix = root.resolve("opt/teleglas");
    assertThat(mode(prefix.resolve("command-bot.jar"))).isEqualTo("rw-r--r--");
    assertThat(prefix.resolve("alert-bot.jar")).hasContent("alert jar");
    assertThat(mode(prefix.resolve(".env")))
        .as("tokens: not world-readable")
        .isEqualTo("rw-r-----");
    assertThat(prefix.resolve(".env")).hasSameTextualContentAs(REPO.resolve(".env.example"));
    assertThat(mode(prefix.resolve("data"))).isEqualTo("rwxr-x---");
    assertThat(mode(prefix.resolve("bin/upgrade.sh"))).isEqualTo("rwxr-xr-x");

    String unit = Files.readString(root.resolve("etc/systemd/system/teleglas-alert-bot.service"));
    assertThat(unit)
        .doesNotContainPattern("@[A-Z_]+@")
        .containsPattern(
            "(?m)^ExecStart=/\\S+/java -Xmx256m -Xmn8m -XX:\\+UseSerialGC"
                + " -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m"
                + " -XX:\\+ExitOnOutOfMemoryError -jar /opt/teleglas/alert-bot\\.jar$")
        .contains("\nUser=teleglas\n", "\nWorkingDirectory=/opt/teleglas\n")
        .contains(
            "\nEnvironment=DATA_DIR=/opt/teleglas/data\n", "\nEnvironment=MALLOC_ARENA_MAX=2\n")
        .contains("\nReadWritePaths=/opt/teleglas/data\n", "\nProtectSystem=strict\n")
        .contains("\nNoNewPrivileges=yes\n", "\nPrivateTmp=yes\n", "\nProtectHome=yes\n")
        .contains("\nRestart=on-failure\n", "\nRestartPreventExitStatus=2\n")
        .contains("\nStartLimitBurst=5\n");
    assertThat(root.resolve("etc/systemd/system/teleglas-command-bot.service"))
        .content()
        .contains("-jar /opt/teleglas/command-bot.jar\n");
  }

  @Test
  void install_again_keepsTheOperatorsEnvAndData() throws Exception {
    Path jars = fakeJars();
    Path root = tmp.resolve("root");
    run(INSTALL.toString(), "--root", root.toString(), "--jars", jars.toString());
    Path env = root.resolve("opt/teleglas/.env");
    Files.writeString(env, "TELEGRAM_BOT_TOKEN=kept\n");
    Files.writeString(root.resolve("opt/teleglas/data/alert-bot.db"), "db");

    Result again = run(INSTALL.toString(), "--root", root.toString(), "--jars", jars.toString());

    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("keeping the existing /opt/teleglas/.env");
    assertThat(env).hasContent("TELEGRAM_BOT_TOKEN=kept");
    assertThat(root.resolve("opt/teleglas/data/alert-bot.db")).hasContent("db");
  }

  @Test
  void install_dryRun_writesNothingAndShowsTheExecStartLines() throws Exception {
    Path jars = fakeJars();
    Path root = tmp.resolve("root");

    Result result =
        run(INSTALL.toString(), "--root", root.toString(), "--jars", jars.toString(), "--dry-run");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(root).doesNotExist();
    assertThat(result.output())
        .contains("would run: install -d -m 0750 " + root + "/opt/teleglas/data")
        .contains("-jar /opt/teleglas/alert-bot.jar", "-jar /opt/teleglas/command-bot.jar");
  }

  @Test
  void install_withoutBuiltJars_saysHowToBuildThemAndWritesNothing() throws Exception {
    Path root = tmp.resolve("root");

    Result result =
        run(
            INSTALL.toString(),
            "--root",
            root.toString(),
            "--jars",
            tmp.resolve("none").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("command-bot.jar is missing", "./mvnw -B -DskipTests");
    assertThat(root).doesNotExist();
  }

  @Test
  void install_badOption_isRefusedWithUsage() throws Exception {
    Result result = run(INSTALL.toString(), "--heap", "lots", "--root", tmp.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("--heap 'lots' is not a size such as 256m or 1g");
  }

  @Test
  void runAsUnit_runsTheUnitsExecStartWithItsEnvironmentInItsWorkingDirectory() throws Exception {
    Path prefix = tmp.resolve("app");
    Path units = tmp.resolve("units");
    String me = run("id", "-un").output().strip();
    Result installed =
        run(
            INSTALL.toString(),
            "--no-system",
            "--prefix",
            prefix.toString(),
            "--unit-dir",
            units.toString(),
            "--user",
            me,
            "--jars",
            jarsWithTheRealAlertBot().toString(),
            "--heap",
            "64m");
    assertThat(installed.exitCode()).as(installed.output()).isZero();
    Files.writeString(
        prefix.resolve(".env"),
        "TELEGRAM_ALERT_TOKEN=7000000001:alert-token-0123456789abcdefghijklmno\n"
            + "TELEGRAM_ALERT_CHANNEL_ID=-1001234567890\n"
            + "ALERT_HTTP_ADDR=off\n");

    Result check =
        run(RUN_AS_UNIT.toString(), "--unit-dir", units.toString(), "alert-bot", "--check-config");

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .as("DATA_DIR from the unit's Environment=, the rest from .env in its WorkingDirectory")
        .containsPattern(
            "DATA_DIR += "
                + Pattern.quote(prefix.resolve("data").toString())
                + " +\\(environment\\)")
        .containsPattern("ALERT_HTTP_ADDR += off +\\(\\.env\\)")
        .containsPattern("TELEGRAM_ALERT_TOKEN += \\[REDACTED\\] +\\(\\.env\\)");
  }

  @Test
  void runAsUnit_unknownBot_isRefused() throws Exception {
    Result result = run(RUN_AS_UNIT.toString(), "web-bot");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output())
        .contains("unknown bot 'web-bot': expected command-bot or alert-bot");
  }

  private Path fakeJars() throws IOException {
    Path jars = Files.createDirectories(tmp.resolve("jars"));
    Files.writeString(jars.resolve("command-bot.jar"), "command jar");
    Files.writeString(jars.resolve("alert-bot.jar"), "alert jar");
    return jars;
  }

  /** The real alert-bot.jar of this module's build, and a stand-in for the command bot's. */
  private Path jarsWithTheRealAlertBot() throws IOException {
    Path jars = Files.createDirectories(tmp.resolve("built"));
    Files.createSymbolicLink(
        jars.resolve("alert-bot.jar"), Path.of("target/alert-bot.jar").toAbsolutePath());
    Files.writeString(jars.resolve("command-bot.jar"), "command jar");
    return jars;
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private record Result(int exitCode, String output) {}

  private Result run(String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(command));
    Process process =
        new ProcessBuilder(line).directory(tmp.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + line + "\n" + output);
    }
    return new Result(process.exitValue(), output);
  }
}
