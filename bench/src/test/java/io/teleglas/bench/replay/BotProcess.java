package io.teleglas.bench.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@code alert-bot.jar} as an operator runs it ({@code java -Xmx64m -XX:+UseSerialGC
 * -jar}), with exactly the given environment, plus what the harness reads from outside: process CPU
 * time, peak RSS ({@code VmHWM}) and counters from its {@code /metrics} endpoint. Not thread-safe;
 * one harness thread drives it.
 */
final class BotProcess implements AutoCloseable {
  private final Process process;
  private final long startedAtNanos;
  private final URI metrics;
  private final Path stderr;
  private final HttpClient http = HttpClient.newHttpClient();

  private BotProcess(Process process, long startedAtNanos, URI metrics, Path stderr) {
    this.process = process;
    this.startedAtNanos = startedAtNanos;
    this.metrics = metrics;
    this.stderr = stderr;
  }

  /** Starts the jar in {@code workDir}; {@code httpPort} must match ALERT_HTTP_ADDR in env. */
  static BotProcess start(
      Path jar, Path workDir, Map<String, String> env, int httpPort, List<String> jvmOptions)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    Path out = workDir.resolve("bot-stdout.txt");
    Path err = workDir.resolve("bot-stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process p = builder.start();
    return new BotProcess(p, started, URI.create("http://127.0.0.1:" + httpPort + "/metrics"), err);
  }

  /** {@link System#nanoTime()} just before the process was started. */
  long startedAtNanos() {
    return startedAtNanos;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** User plus system CPU time of the process so far. */
  Duration cpuTime() {
    return process
        .toHandle()
        .info()
        .totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + process.pid()));
  }

  /** Peak resident set size in KiB ({@code VmHWM} of /proc/PID/status). */
  long peakRssKib() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmHWM for pid " + process.pid());
  }

  /** One scrape of /metrics; empty while the endpoint is not up. */
  String scrape() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** The engine's frame → decision timer, from one scrape. */
  DecisionHistogram decisions() {
    return DecisionHistogram.parse(scrape());
  }

  /**
   * The sum of every sample of {@code name} whose labels contain {@code labelFilter} (may be
   * empty), from one scrape of /metrics; NaN while the endpoint is not up.
   */
  double metric(String name, String labelFilter) {
    return sum(scrape(), name, labelFilter);
  }

  /** As {@link #metric}, over the Prometheus text of one scrape. */
  static double sum(String text, String name, String labelFilter) {
    double sum = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.startsWith(name)
          && line.length() > name.length()
          && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')
          && line.contains(labelFilter)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    return found ? sum : Double.NaN;
  }

  /**
   * {@code jcmd PID <command>} output (e.g. {@code VM.native_memory summary}), written to {@code
   * file}; a failure is written there instead, since it is a diagnostic, not a figure.
   */
  void jcmd(String command, Path file) throws IOException, InterruptedException {
    Path jcmd =
        Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), Long.toString(process.pid())));
    cmd.addAll(List.of(command.split(" ")));
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(file.toFile()).start();
    if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }

  long pid() {
    return process.pid();
  }

  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, then SIGKILL after 10 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
