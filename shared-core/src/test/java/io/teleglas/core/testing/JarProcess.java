package io.teleglas.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a bot's fat JAR as a real process, the way an operator does ({@code java -jar}), with
 * exactly the given environment (nothing inherited, so no developer's token leaks in) in a working
 * directory of the test's choosing. Output is collected to files and readable at any time.
 * Lifecycle: {@link #start}, then {@link #awaitExit} or {@link #terminate}; {@link #close()} kills
 * what is left.
 */
public final class JarProcess implements AutoCloseable {
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private JarProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts {@code java -jar jar args...} in {@code workDir} with only {@code env} set. */
  public static JarProcess start(Path jar, Path workDir, Map<String, String> env, String... args) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the package phase first");
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx128m");
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(workDir, "stdout", ".txt");
      Path err = Files.createTempFile(workDir, "stderr", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      return new JarProcess(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs to completion with {@code stdin} as input; fails if it takes longer than {@code limit}.
   */
  public static JarProcess run(
      Path jar,
      Path workDir,
      Map<String, String> env,
      String stdin,
      Duration limit,
      String... args) {
    JarProcess p = start(jar, workDir, env, args);
    try {
      p.process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    p.awaitExit(limit);
    return p;
  }

  /** Sends SIGTERM, as systemd and Ctrl-C do. */
  public void terminate() {
    process.destroy();
  }

  /** Sends SIGKILL ({@code kill -9}): no shutdown hook runs, as in a crash or an OOM kill. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the process to end and returns its exit code; throws if it is still running. */
  public int awaitExit(Duration limit) {
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("process still running after " + limit + "; stderr:\n" + stderr());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String stdout() {
    return read(stdout);
  }

  public String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
