package io.teleglas.core.cli;

import io.teleglas.core.config.ConfigException;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Environment;
import io.teleglas.core.config.KnownVariables;
import io.teleglas.core.config.Variable;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of every bot, the same for both: parse the flags, answer {@code --help} and {@code
 * --version}, load the configuration (listing every problem and exiting 2), answer {@code
 * --check-config}. When the program must end before running, the methods throw {@link Exit} with
 * the exit code; the caller returns it.
 */
public final class Launcher {
  private static final Logger log = LoggerFactory.getLogger(Launcher.class);

  /** Ends the program early with {@link #code()}; nothing else to report, it is already printed. */
  public static final class Exit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    Exit(int code) {
      super(null, null, false, false);
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  private final String program;
  private final String summary;
  private final List<Flag> flags;
  private final List<Variable> variables;
  private final PrintStream out;
  private final PrintStream err;

  public Launcher(
      String program,
      String summary,
      List<Flag> flags,
      List<Variable> variables,
      PrintStream out,
      PrintStream err) {
    this.program = program;
    this.summary = summary;
    this.flags = List.copyOf(flags);
    this.variables = List.copyOf(variables);
    this.out = out;
    this.err = err;
  }

  /**
   * Parses {@code args}; {@code checks} may add problems (flags that conflict). Answers {@code
   * --help} and {@code --version} by throwing {@link Exit} 0, bad arguments by {@link Exit} 2.
   */
  public CommandLine parse(String[] args, java.util.function.Consumer<CommandLine> checks) {
    CommandLine cli = CommandLine.parse(args, flags);
    checks.accept(cli);
    if (!cli.problems().isEmpty()) {
      cli.problems().forEach(p -> err.println(program + ": " + p));
      err.println("Run with --help for usage.");
      throw new Exit(2);
    }
    if (cli.has(Flag.HELP)) {
      out.print(Usage.help(program, summary, flags, variables));
      throw new Exit(0);
    }
    if (cli.has(Flag.VERSION)) {
      out.println(program + " " + BuildInfo.version());
      throw new Exit(0);
    }
    return cli;
  }

  /**
   * Reads the configuration with {@code read}; on problems prints them all and throws {@link Exit}
   * 2; with {@code --check-config} prints the effective configuration and throws {@link Exit} 0.
   */
  public <C> C configure(CommandLine cli, Environment env, Function<ConfigReader, C> read) {
    ConfigReader reader = new ConfigReader(env);
    C config;
    try {
      config = read.apply(reader);
    } catch (ConfigException e) {
      int n = e.problems().size();
      err.println(
          program + ": invalid configuration (" + n + " problem" + (n == 1 ? "" : "s") + "):");
      e.problems().forEach(p -> err.println("  - " + p));
      err.println("See --help or .env.example for every variable.");
      throw new Exit(2);
    }
    for (String name : env.unknownDotEnvNames(KnownVariables.NAMES)) {
      log.warn(".env sets {}, which no bot reads (a typo?)", name);
    }
    if (cli.has(Flag.CHECK_CONFIG)) {
      out.print(Usage.effectiveConfig(program, reader));
      throw new Exit(0);
    }
    return config;
  }
}
