package io.teleglas.alertbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/upgrade.sh} against an installation made by {@code scripts/install.sh}, with its
 * test seam {@code TELEGLAS_SYSTEMCTL} pointing at a stand-in systemctl that records every call and
 * "restarts" a bot by noting which JAR is now installed. A stand-in {@code java} (named by the
 * units' ExecStart, as {@code --java} installs it) answers {@code --version} and {@code
 * --check-config} from the JAR's text, and each bot's {@code /health} is served here: 200 while the
 * JAR running is healthy, 503 once a JAR whose text says "unhealthy" was started.
 *
 * <p>What is checked is the order (one bot at a time, the next only after the previous answered
 * 200), the swap and the kept previous JAR, the rollback of a bot that does not come back UP, and
 * that a JAR refusing the configuration changes nothing.
 */
class UpgradeScriptIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  private static final String FAKE_JAVA =
      """
      #!/usr/bin/env bash
      # Stand-in for java: -version, and -jar FILE --version | --check-config from FILE's text.
      if [[ "$1" == -version ]]; then echo 'openjdk version "17.0.9" 2023-10-17' >&2; exit 0; fi
      while (($#)); do if [[ "$1" == -jar ]]; then jar=$2; shift 2; break; fi; shift; done
      case "${1:-}" in
        --version) head -n 1 "$jar" ;;
        --check-config) if grep -q badconfig "$jar"; then echo "TELEGRAM_BOT_TOKEN: missing" >&2; exit 2; fi ;;
        *) exit 1 ;;
      esac
      """;

  private static final String FAKE_SYSTEMCTL =
      """
      #!/usr/bin/env bash
      # Stand-in for systemctl: records each call; restart notes the JAR now installed.
      echo "systemctl $*" >>"$STATE/calls"
      case "$1" in
        show)
          case "$3" in
            FragmentPath) echo "$UNITS/$5" ;;
            NRestarts) echo 0 ;;
          esac ;;
        is-active) exit 0 ;;
        restart) bot=${2#teleglas-}; bot=${bot%.service}; cp "$PREFIX/$bot.jar" "$STATE/$bot.running" ;;
        *) exit 1 ;;
      esac
      """;

  @TempDir Path tmp;

  private Path prefix;
  private Path state;
  private Path bin;
  private HttpServer commandHealth;
  private HttpServer alertHealth;

  @BeforeEach
  void installVersionOneAndStartIt() throws Exception {
    bin = Files.createDirectories(tmp.resolve("bin"));
    executable(bin.resolve("java"), FAKE_JAVA);
    executable(bin.resolve("systemctl"), FAKE_SYSTEMCTL);
    state = Files.createDirectories(tmp.resolve("state"));
    prefix = tmp.resolve("teleglas");
    Path v1 = jars("v1", "command-bot 1.0", "alert-bot 1.0");
    Result installed =
        run(
            List.of(
                REPO.resolve("scripts/install.sh").toString(),
                "--no-system",
                "--prefix",
                prefix.toString(),
                "--unit-dir",
                tmp.resolve("units").toString(),
                "--user",
                System.getProperty("user.name"),
                "--java",
                bin.resolve("java").toString(),
                "--jars",
                v1.toString()));
    assertThat(installed.exitCode()).as(installed.output()).isZero();
    Files.copy(v1.resolve("command-bot.jar"), state.resolve("command-bot.running"));
    Files.copy(v1.resolve("alert-bot.jar"), state.resolve("alert-bot.running"));

    commandHealth = healthOf("command-bot");
    alertHealth = healthOf("alert-bot");
    Files.writeString(
        prefix.resolve(".env"),
        "COMMAND_HTTP_ADDR=127.0.0.1:"
            + commandHealth.getAddress().getPort()
            + "\nALERT_HTTP_ADDR=127.0.0.1:"
            + alertHealth.getAddress().getPort()
            + "\n");
  }

  @AfterEach
  void stopHealth() {
    if (commandHealth != null) {
      commandHealth.stop(0);
    }
    if (alertHealth != null) {
      alertHealth.stop(0);
    }
  }

  @Test
  void upgradesOneBotAtATime_theNextOnlyAfterThePreviousAnsweredHealthy() throws Exception {
    Path v2 = jars("v2", "command-bot 2.0", "alert-bot 2.0");

    Result result = upgrade(v2, "10");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(prefix.resolve("command-bot.jar")).hasContent("command-bot 2.0");
    assertThat(prefix.resolve("alert-bot.jar")).hasContent("alert-bot 2.0");
    assertThat(prefix.resolve("command-bot.jar.previous")).hasContent("command-bot 1.0");
    assertThat(prefix.resolve("alert-bot.jar.previous")).hasContent("alert-bot 1.0");
    assertThat(events())
        .containsSubsequence(
            "systemctl restart teleglas-command-bot.service",
            "health command-bot 200",
            "systemctl restart teleglas-alert-bot.service",
            "health alert-bot 200");
    List<String> events = events();
    assertThat(events.indexOf("systemctl restart teleglas-alert-bot.service"))
        .as("the alert bot is restarted only after the command bot answered 200")
        .isGreaterThan(events.indexOf("health command-bot 200"));
    assertThat(result.output()).contains("command-bot is UP on command-bot 2.0", "upgrade: done");
  }

  @Test
  void aBotThatDoesNotComeBackUp_isRolledBack_andTheNextBotIsLeftAlone() throws Exception {
    Path v2 = jars("v2", "command-bot 2.0 unhealthy", "alert-bot 2.0");

    Result result = upgrade(v2, "3");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output())
        .contains("did not come back UP within 3s; rolling back to the previous JAR")
        .contains("command-bot rolled back and UP again");
    assertThat(prefix.resolve("command-bot.jar")).hasContent("command-bot 1.0");
    assertThat(prefix.resolve("alert-bot.jar")).hasContent("alert-bot 1.0");
    assertThat(events())
        .containsSubsequence(
            "systemctl restart teleglas-command-bot.service",
            "health command-bot 503",
            "systemctl restart teleglas-command-bot.service",
            "health command-bot 200")
        .noneMatch(e -> e.contains("alert-bot.service") && e.contains("restart"));
  }

  @Test
  void aJarThatRejectsTheConfiguration_changesNothing() throws Exception {
    Path v2 = jars("v2", "command-bot 2.0 badconfig", "alert-bot 2.0");

    Result result = upgrade(v2, "3");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("rejects the current", "nothing changed");
    assertThat(prefix.resolve("command-bot.jar")).hasContent("command-bot 1.0");
    assertThat(prefix.resolve("command-bot.jar.previous")).doesNotExist();
    assertThat(events()).noneMatch(e -> e.contains("restart"));
  }

  private Result upgrade(Path jars, String timeout) throws Exception {
    return run(
        List.of(
            REPO.resolve("scripts/upgrade.sh").toString(),
            "--prefix",
            prefix.toString(),
            "--jars",
            jars.toString(),
            "--timeout",
            timeout),
        Map.of(
            "TELEGLAS_SYSTEMCTL", bin.resolve("systemctl").toString(),
            "STATE", state.toString(),
            "UNITS", tmp.resolve("units").toString(),
            "PREFIX", prefix.toString()));
  }

  /** The bot's /health on a free loopback port, answered from the JAR last "restarted". */
  private HttpServer healthOf(String bot) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/health", exchange -> answerHealth(exchange, bot));
    server.start();
    return server;
  }

  private void answerHealth(HttpExchange exchange, String bot) throws IOException {
    String running = Files.readString(state.resolve(bot + ".running"));
    int status = running.contains("unhealthy") ? 503 : 200;
    Files.writeString(
        state.resolve("calls"),
        "health " + bot + " " + status + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    byte[] body =
        ("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private List<String> events() throws IOException {
    Path calls = state.resolve("calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  private Path jars(String name, String commandBot, String alertBot) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("command-bot.jar"), commandBot + "\n");
    Files.writeString(dir.resolve("alert-bot.jar"), alertBot + "\n");
    return dir;
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Result(int exitCode, String output) {}

  private Result run(List<String> command) throws Exception {
    return run(command, Map.of());
  }

  private Result run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
    builder.environment().putAll(env);
    Process process = builder.redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command + "\n" + output);
    }
    return new Result(process.exitValue(), output);
  }
}
