package io.teleglas.commandbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.commandbot.config.CommandBotConfig;
import io.teleglas.core.config.DotEnv;
import io.teleglas.core.config.KnownVariables;
import io.teleglas.core.config.Variable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code .env.example} at the repository root documents every variable with its real default. */
class EnvExampleTest {
  private final DotEnv example = DotEnv.read(Path.of("../.env.example"));

  @Test
  void envExample_listsEveryVariableWithItsDefault() {
    assertThat(example.problems()).isEmpty();
    assertThat(example.values().keySet()).containsExactlyInAnyOrderElementsOf(KnownVariables.NAMES);
    for (Variable v : CommandBotConfig.VARIABLES) {
      assertThat(example.values().get(v.name()))
          .as(v.name())
          .isEqualTo(v.defaultValue().orElse(""));
      assertThat(KnownVariables.NAMES).contains(v.name());
    }
  }
}
