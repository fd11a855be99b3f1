package io.teleglas.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  private final DotEnv dotEnv =
      DotEnv.parse(".env", "LOG_LEVEL=DEBUG\nDATA_DIR=/from/dotenv\nBLANK=\nTYPO_VAR=1\n");

  @Test
  void get_realEnvironmentWinsOverDotEnv() {
    Environment env = new Environment(Map.of("LOG_LEVEL", "WARN"), dotEnv);

    assertThat(env.get("LOG_LEVEL")).contains("WARN");
    assertThat(env.origin("LOG_LEVEL")).isEqualTo(Environment.Origin.ENVIRONMENT);
    assertThat(env.get("DATA_DIR")).contains("/from/dotenv");
    assertThat(env.origin("DATA_DIR")).isEqualTo(Environment.Origin.DOTENV);
  }

  @Test
  void get_blankCountsAsUnsetInBothLayers() {
    Environment env = new Environment(Map.of("DATA_DIR", "  "), dotEnv);

    assertThat(env.get("BLANK")).isEmpty();
    assertThat(env.origin("BLANK")).isEqualTo(Environment.Origin.DEFAULT);
    assertThat(env.get("DATA_DIR")).contains("/from/dotenv");
  }

  @Test
  void get_trimsValues() {
    assertThat(Environment.of(Map.of("A", "  x ")).get("A")).contains("x");
  }

  @Test
  void unknownDotEnvNames_listsNamesNoBotReads() {
    Environment env = new Environment(Map.of(), dotEnv);

    assertThat(env.unknownDotEnvNames(Set.of("LOG_LEVEL", "DATA_DIR")))
        .isEqualTo(List.of("BLANK", "TYPO_VAR"));
  }
}
