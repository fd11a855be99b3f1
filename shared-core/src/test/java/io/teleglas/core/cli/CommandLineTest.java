package io.teleglas.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final Flag DEMO = Flag.of("--demo", "demo");
  private static final Flag REPLAY = Flag.withArgument("--replay", "FILE", "replay");
  private static final List<Flag> FLAGS = List.of(Flag.HELP, Flag.VERSION, DEMO, REPLAY);

  @Test
  void parse_switchesAndValues() {
    CommandLine cli = CommandLine.parse(new String[] {"--demo", "--replay", "a.jsonl"}, FLAGS);

    assertThat(cli.problems()).isEmpty();
    assertThat(cli.has(DEMO)).isTrue();
    assertThat(cli.has(Flag.HELP)).isFalse();
    assertThat(cli.value(REPLAY)).contains("a.jsonl");
  }

  @Test
  void parse_equalsFormAndShortHelp() {
    CommandLine cli = CommandLine.parse(new String[] {"--replay=b.jsonl", "-h"}, FLAGS);

    assertThat(cli.value(REPLAY)).contains("b.jsonl");
    assertThat(cli.has(Flag.HELP)).isTrue();
  }

  @Test
  void parse_collectsEveryProblem() {
    CommandLine cli =
        CommandLine.parse(
            new String[] {"--nope", "stray", "--demo", "--demo", "--demo=x", "--replay"}, FLAGS);

    assertThat(cli.problems())
        .containsExactly(
            "unknown option '--nope'",
            "unexpected argument 'stray'",
            "--demo is given twice",
            "--demo takes no value",
            "--replay needs a value: --replay FILE");
  }

  @Test
  void parse_shortensHugeArguments() {
    CommandLine cli = CommandLine.parse(new String[] {"--" + "x".repeat(5000)}, FLAGS);

    assertThat(cli.problems()).singleElement().asString().hasSizeLessThan(80);
  }

  @Test
  void rejectTogether_andRequireWith() {
    CommandLine cli = CommandLine.parse(new String[] {"--demo", "--replay", "f"}, FLAGS);
    cli.rejectTogether(DEMO, REPLAY);
    cli.requireWith(Flag.VERSION, Flag.HELP);
    assertThat(cli.problems()).containsExactly("--demo and --replay cannot be used together");

    CommandLine other = CommandLine.parse(new String[] {"--version"}, FLAGS);
    other.requireWith(Flag.VERSION, Flag.HELP);
    assertThat(other.problems()).containsExactly("--version only works together with --help");
  }

  @Test
  void buildInfo_versionIsFiltered() {
    assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }
}
