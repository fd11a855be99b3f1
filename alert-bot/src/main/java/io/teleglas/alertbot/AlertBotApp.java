package io.teleglas.alertbot;

import io.teleglas.alertbot.config.AlertBotConfig;
import io.teleglas.alertbot.config.RunMode;
import io.teleglas.core.cli.CommandLine;
import io.teleglas.core.cli.Flag;
import io.teleglas.core.cli.Launcher;
import io.teleglas.core.config.DotEnv;
import io.teleglas.core.config.Environment;
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
  private static final String SUMMARY =
      "streams liquidations and whale trades and posts alerts to Telegram";

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
    Launcher launcher = new Launcher(PROGRAM, SUMMARY, FLAGS, AlertBotConfig.VARIABLES, out, err);
    try {
      CommandLine cli =
          launcher.parse(
              args,
              c -> {
                c.rejectTogether(DEMO, DRY_RUN);
                c.rejectTogether(DEMO, REPLAY);
                c.rejectTogether(DRY_RUN, REPLAY);
              });
      RunMode mode =
          cli.has(DEMO)
              ? RunMode.DEMO
              : cli.has(DRY_RUN)
                  ? RunMode.DRY_RUN
                  : cli.has(REPLAY) ? RunMode.REPLAY : RunMode.LIVE;
      AlertBotConfig config =
          launcher.configure(
              cli,
              new Environment(processEnv, dotEnv),
              reader -> AlertBotConfig.read(reader, mode));
      return run(mode, config);
    } catch (Launcher.Exit e) {
      return e.code();
    }
  }

  private int run(RunMode mode, AlertBotConfig config) {
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
