package io.teleglas.commandbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRouterTest {
  private final ChatCommand echo =
      new ChatCommand() {
        @Override
        public String name() {
          return "echo";
        }

        @Override
        public String description() {
          return "repeat <args>";
        }

        @Override
        public String usage() {
          return "TEXT";
        }

        @Override
        public Reply reply(CommandRequest request) {
          return new Reply("args=" + request.args());
        }
      };
  private final ChatCommand broken =
      new ChatCommand() {
        @Override
        public String name() {
          return "broken";
        }

        @Override
        public String description() {
          return "always fails";
        }

        @Override
        public Reply reply(CommandRequest request) {
          throw new IllegalStateException("boom");
        }
      };
  private final CommandRouter router =
      CommandRouter.withHelp(List.of(new StartCommand(), echo, broken));

  @Test
  void route_findsCommandCaseInsensitivelyAndStripsBotName() {
    assertThat(router.route(1, 1, "/ECHO@teleglas_bot a  b").html()).isEqualTo("args=[a, b]");
  }

  @Test
  void route_unknownCommandIsEscapedAndShortened() {
    String reply = router.route(1, 1, "/<script>alert(1)</script>").html();

    assertThat(reply)
        .startsWith("Unknown command")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>");
    assertThat(router.route(1, 1, "/" + "x".repeat(5000)).html()).hasSizeLessThan(200);
  }

  @Test
  void route_nonCommandsGetAHint() {
    assertThat(router.route(1, 1, null).html()).contains("/help");
    assertThat(router.route(1, 1, "   ").html()).contains("/help");
    assertThat(router.route(1, 1, "hello").html()).contains("/help");
  }

  @Test
  void route_throwingCommandGetsAnApology() {
    assertThat(router.route(1, 1, "/broken").html()).contains("failed on my side");
  }

  @Test
  void route_capsTheNumberOfArguments() {
    assertThat(router.route(1, 1, "/echo " + "a ".repeat(1000)).html())
        .isEqualTo("args=[a, a, a, a, a, a, a, a]");
  }

  @Test
  void help_listsEveryCommandWithEscapedDescriptions() {
    String help = router.route(1, 1, "/help").html();

    assertThat(help)
        .contains(
            "/start — what this bot does",
            "/echo <code>TEXT</code> — repeat &lt;args&gt;",
            "/broken",
            "/help — list the commands");
    assertThat(router.commands())
        .extracting(ChatCommand::name)
        .containsExactly("start", "echo", "broken", "help");
  }

  @Test
  void route_countsAnsweredCommandsAndFailuresButNotUnknownOnes() {
    CommandCounts counts = new CommandCounts(java.time.Clock.systemUTC());
    CommandRouter counted = CommandRouter.withHelp(List.of(echo, broken), counts);

    counted.route(1, 1, "/echo a");
    counted.route(1, 1, "/broken");
    counted.route(1, 1, "/nope");
    counted.route(1, 1, "hello");

    assertThat(counts.lastHour()).isEqualTo(new CommandCounts.LastHour(2, 1));
  }
}
