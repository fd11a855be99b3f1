package io.teleglas.alertbot;

import io.teleglas.alertbot.config.AlertBotConfig;
import io.teleglas.alertbot.config.RunMode;
import io.teleglas.core.cli.BuildInfo;
import io.teleglas.core.cli.CommandLine;
import io.teleglas.core.cli.Flag;
import io.teleglas.core.cli.Usage;
import io.teleglas.core.config.ConfigException;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.DotEnv;
import io.teleglas.core.config.Environment;
import io.teleglas.core.config.KnownVariables;
import io.teleglas.core.logging.LogLevels;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert bot as a program: parses the command line, loads the configuration once and runs the
 * chosen mode. Returns the process exit code.
 */
public final class AlertBotApp {
  private static final Logger log = LoggerFactory.getLogger(AlertBotApp.class);
  private static final String PROGRAM = "alert-bot";

  static final Flag DEMO =
      Flag.of(
          "--demo",
          "offline: replay the bundled recorded event stream through the real engine and print every alert; needs no token, key or network");
  static final Flag DRY_RUN =
      Flag.of(
          "--dry-run",
          "live sources, but alerts go to stdout instead of Telegram; no token needed");
  static final Flag REPLAY =
      Flag.withArgument(
          "--replay",
          "FILE",
          "like --demo but from a JSON-lines file of recorded frames (format in docs/configuration.md)");
  static final List<Flag> FLAGS =
      List.of(Flag.HELP, Flag.VERSION, Flag.CHECK_CONFIG, DEMO, DRY_RUN, REPLAY);

  private final Map<String, String> processEnv;
  private final DotEnv dotEnv;
  private final PrintStream out;
  private final PrintStream err;

  public AlertBotApp(
      Map<String, String> processEnv, DotEnv dotEnv, PrintStream out, PrintStream err) {
    this.processEnv = processEnv;
    this.dotEnv = dotEnv;
    this.out = out;
    this.err = err;
  }

  /** Runs the mode the arguments ask for and returns the exit code. */
  public int run(String[] args) {
    CommandLine cli = CommandLine.parse(args, FLAGS);
    cli.rejectTogether(DEMO, DRY_RUN);
    cli.rejectTogether(DEMO, REPLAY);
    cli.rejectTogether(DRY_RUN, REPLAY);
    if (!cli.problems().isEmpty()) {
      cli.problems().forEach(p -> err.println(PROGRAM + ": " + p));
      err.println("Run with --help for usage.");
      return 2;
    }
    if (cli.has(Flag.HELP)) {
      out.print(
          Usage.help(
              PROGRAM,
              "streams liquidations and whale trades and posts alerts to Telegram",
              FLAGS,
              AlertBotConfig.VARIABLES));
      return 0;
    }
    if (cli.has(Flag.VERSION)) {
      out.println(PROGRAM + " " + BuildInfo.version());
      return 0;
    }
    RunMode mode =
        cli.has(DEMO)
            ? RunMode.DEMO
            : cli.has(DRY_RUN) ? RunMode.DRY_RUN : cli.has(REPLAY) ? RunMode.REPLAY : RunMode.LIVE;
    Environment env = new Environment(processEnv, dotEnv);
    ConfigReader reader = new ConfigReader(env);
    AlertBotConfig config;
    try {
      config = AlertBotConfig.read(reader, mode);
    } catch (ConfigException e) {
      err.println(
          PROGRAM
              + ": invalid configuration ("
              + e.problems().size()
              + " problem"
              + (e.problems().size() == 1 ? "" : "s")
              + "):");
      e.problems().forEach(p -> err.println("  - " + p));
      err.println("See --help or .env.example for every variable.");
      return 2;
    }
    for (String name : env.unknownDotEnvNames(KnownVariables.NAMES)) {
      log.warn(".env sets {}, which this bot does not read (a typo?)", name);
    }
    if (cli.has(Flag.CHECK_CONFIG)) {
      out.print(Usage.effectiveConfig(PROGRAM, reader));
      return 0;
    }
    LogLevels.applyRoot(config.common().logLevel());
    err.println(
        PROGRAM
            + ": "
            + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + " mode is not available in this build yet: the stream sources and the alert engine are still being built."
            + " --check-config validates a configuration today.");
    return 1;
  }
}
