package io.teleglas.alertbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teleglas.core.testing.FreePort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Try it locally first" steps of docs/operations.md, as a newcomer runs them, with the built
 * jars: {@code scripts/install.sh} into a directory of one's own, {@code scripts/local-fakes.sh}
 * for Telegram, CoinGlass and the exchanges, the fakes' {@code .env} installed, then both bots
 * started by {@code run-as-unit.sh} from their installed units. Proves both {@code /health}
 * endpoints answer 200, that the processes run the unit's ExecStart line as its user, in its
 * WorkingDirectory, with its environment, that {@code /raw BTC} is answered with the sample data's
 * numbers and that a liquidation reaches the channel.
 *
 * <p>Two deviations from the doc, both forced by sharing the machine: the listeners get free ports
 * instead of 8081/8082, and the fakes get this test's classpath ({@code LOCAL_FAKES_CLASSPATH})
 * instead of resolving it with Maven, which would need the network on a fresh machine.
 */
class LocalTrialIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Duration WAIT = Duration.ofSeconds(45);

  @TempDir Path tmp;

  private final List<Process> processes = new ArrayList<>();
  private final StringBuffer fakesOutput = new StringBuffer();
  private Writer fakesInput;

  @AfterEach
  void stopEverything() throws Exception {
    // The bots first (SIGTERM, a clean stop), then the fakes they talk to.
    for (Process bot : processes.subList(Math.min(1, processes.size()), processes.size())) {
      bot.destroy();
    }
    if (fakesInput != null) {
      try {
        fakesInput.write("quit\n");
        fakesInput.close();
      } catch (IOException alreadyGone) {
        // the fakes ended on their own; nothing to tell them
      }
    }
    for (Process process : processes) {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void bothBotsRunAsTheirUnitsAgainstTheLocalFakesAndAnswerHealthyAndRawBtc() throws Exception {
    for (String jar :
        List.of("command-bot/target/command-bot.jar", "alert-bot/target/alert-bot.jar")) {
      assertThat(REPO.resolve(jar)).as("built by the reactor before this test").isRegularFile();
    }
    Path prefix = tmp.resolve("teleglas");
    Path units = tmp.resolve("units");
    String me = System.getProperty("user.name");

    // 1. Install, as the doc says for a trial without root: no user, no systemctl.
    Process install =
        new ProcessBuilder(
                script("install.sh"),
                "--no-system",
                "--prefix",
                prefix.toString(),
                "--unit-dir",
                units.toString(),
                "--user",
                me)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("install.log").toFile())
            .start();
    assertThat(install.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(install.exitValue()).as(Files.readString(tmp.resolve("install.log"))).isZero();

    // 2. The fakes, which write their .env.
    Path fakes = tmp.resolve("fakes");
    ProcessBuilder fakesCommand =
        new ProcessBuilder(script("local-fakes.sh"), "--dir", fakes.toString())
            .redirectErrorStream(true);
    fakesCommand.environment().put("LOCAL_FAKES_CLASSPATH", testClasspath());
    Process fakesProcess = start(fakesCommand);
    fakesInput = new OutputStreamWriter(fakesProcess.getOutputStream(), StandardCharsets.UTF_8);
    collect(fakesProcess.getInputStream());
    await().atMost(WAIT).untilAsserted(() -> assertThat(fakesOutput.toString()).contains("Wrote "));

    // 3. Their configuration in place of the operator's .env (listeners on free ports here).
    Path env = prefix.resolve(".env");
    Files.copy(fakes.resolve(".env"), env, StandardCopyOption.REPLACE_EXISTING);
    int alertPort = FreePort.loopback();
    int commandPort = FreePort.loopback();
    Files.writeString(
        env,
        "ALERT_HTTP_ADDR=127.0.0.1:"
            + alertPort
            + "\nCOMMAND_HTTP_ADDR=127.0.0.1:"
            + commandPort
            + "\n",
        StandardOpenOption.APPEND);

    // 4. Both bots exactly as their units run them.
    Process alertBot = runAsUnit(prefix, units, "alert-bot");
    Process commandBot = runAsUnit(prefix, units, "command-bot");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(alertBot.isAlive()).as(log("alert-bot")).isTrue();
              assertThat(commandBot.isAlive()).as(log("command-bot")).isTrue();
              assertThat(health(commandPort)).as("command bot /health").startsWith("200 ");
              assertThat(health(alertPort))
                  .as("alert bot /health, UP once the fake stream delivered data")
                  .startsWith("200 ")
                  .contains("\"activeSource\":\"binance\"");
            });

    for (String bot : List.of("alert-bot", "command-bot")) {
      Process process = bot.equals("alert-bot") ? alertBot : commandBot;
      String unit = Files.readString(units.resolve("teleglas-" + bot + ".service"));
      String execStart = setting(unit, "ExecStart");
      assertThat(String.join(" ", cmdline(process.pid())))
          .as("the process runs the unit's ExecStart line")
          .isEqualTo(execStart);
      assertThat(Path.of("/proc/" + process.pid() + "/cwd").toRealPath())
          .isEqualTo(Path.of(setting(unit, "WorkingDirectory")).toRealPath());
      assertThat(environ(process.pid()))
          .contains(setting(unit, "Environment"))
          .noneMatch(v -> v.startsWith("LOCAL_FAKES_CLASSPATH="));
      assertThat(setting(unit, "User")).isEqualTo(me);
    }

    // 5. Play a user and the market in the fakes' terminal.
    say("cmd 501 /raw BTC");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(fakesOutput.toString())
                    .contains("[command bot sendmessage -> chat 501, HTTP 200]")
                    .contains("#BTC  $97,215.40  Binance")
                    .contains("Open interest  $57.1B")
                    .contains("1h  $1.29M / $1.96M"));
    say("liq BTC SELL 10 97000");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(fakesOutput.toString())
                    .containsPattern("\\[alert bot sendmessage -> channel, HTTP 200\\]\\n.*#BTC"));
  }

  private static String script(String name) {
    return REPO.resolve("scripts").resolve(name).toString();
  }

  /** The installed copy of run-as-unit.sh, as the doc runs it. */
  private Process runAsUnit(Path prefix, Path units, String bot) throws IOException {
    String runAsUnit = prefix.resolve("bin/run-as-unit.sh").toString();
    return start(
        new ProcessBuilder(runAsUnit, "--unit-dir", units.toString(), bot)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve(bot + ".log").toFile()));
  }

  private Process start(ProcessBuilder command) throws IOException {
    Process process = command.start();
    processes.add(process);
    return process;
  }

  private String log(String bot) throws IOException {
    return bot + " exited:\n" + Files.readString(tmp.resolve(bot + ".log"));
  }

  private void say(String line) throws IOException {
    fakesInput.write(line + "\n");
    fakesInput.flush();
  }

  private void collect(InputStream output) {
    Thread reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n; (n = output.read(buffer)) > 0; ) {
                  fakesOutput.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
              } catch (IOException closed) {
                // the process ended; what it printed is in fakesOutput
              }
            },
            "local-fakes-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Surefire's booter sets the test classpath here even when it starts from a manifest jar. */
  private static String testClasspath() {
    String classpath = System.getProperty("surefire.test.class.path");
    return classpath != null ? classpath : System.getProperty("java.class.path");
  }

  /** "STATUS BODY", or "none: REASON" while nothing listens. */
  private static String health(int port) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() + " " + answer.body();
    } catch (IOException e) {
      return "none: " + e;
    }
  }

  private static String setting(String unit, String name) {
    return unit.lines()
        .filter(l -> l.startsWith(name + "="))
        .reduce((first, last) -> last)
        .map(l -> l.substring(name.length() + 1))
        .orElseThrow(() -> new AssertionError("the unit has no " + name + "="));
  }

  private static List<String> cmdline(long pid) throws IOException {
    return List.of(Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0"));
  }

  private static List<String> environ(long pid) throws IOException {
    return List.of(Files.readString(Path.of("/proc/" + pid + "/environ")).split("\0"));
  }
}
