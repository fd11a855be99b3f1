package io.teleglas.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
  private static final Variable ADDR = Variable.withDefault("X_ADDR", "127.0.0.1:8081", "listener");
  private static final Variable LIST = Variable.optional("X_LIST", "list");
  private static final Variable WS =
      Variable.withDefault("X_WS", "wss://stream.example.com/ws", "stream");

  private static ConfigReader reader(Map<String, String> env) {
    return new ConfigReader(Environment.of(env));
  }

  @Test
  void listenAddress_parsesHostPortAndOff() {
    assertThat(reader(Map.of()).listenAddress(ADDR))
        .contains(new InetSocketAddress("127.0.0.1", 8081));
    assertThat(reader(Map.of("X_ADDR", "0.0.0.0:0")).listenAddress(ADDR))
        .contains(new InetSocketAddress("0.0.0.0", 0));
    assertThat(reader(Map.of("X_ADDR", "OFF")).listenAddress(ADDR)).isEmpty();
  }

  @Test
  void listenAddress_rejectsGarbage() {
    for (String bad :
        List.of(
            "8081", "127.0.0.1:", "127.0.0.1:70000", "127.0.0.1:http", "example.com:80", ":80")) {
      ConfigReader r = reader(Map.of("X_ADDR", bad));
      r.listenAddress(ADDR);
      assertThatThrownBy(r::finish)
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("X_ADDR");
    }
  }

  @Test
  void list_trimsDropsBlanksAndFlagsDuplicates() {
    ConfigReader r = reader(Map.of("X_LIST", " a, b ,,c,A"));

    assertThat(r.list(LIST)).containsExactly("a", "b", "c", "A");
    assertThatThrownBy(r::finish).hasMessageContaining("'A' twice");
  }

  @Test
  void userIds_acceptsPositiveNumbersOnly() {
    ConfigReader r = reader(Map.of());

    assertThat(r.userIds(LIST, List.of("1", "987654321")))
        .containsExactlyInAnyOrder(1L, 987654321L);
    r.userIds(LIST, List.of("0", "-5", "abc", "99999999999999999999"));
    assertThatThrownBy(r::finish)
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(4));
  }

  @Test
  void baseUrl_acceptsPathsOnlyWhenAllowed() {
    assertThat(reader(Map.of()).baseUrl(WS, "wss", "ws", true))
        .map(Object::toString)
        .contains("wss://stream.example.com/ws");
    assertThat(reader(Map.of("X_WS", "ws://127.0.0.1:9000/market")).baseUrl(WS, "wss", "ws", true))
        .isPresent();
    ConfigReader r = reader(Map.of("X_WS", "wss://stream.example.com/ws"));
    r.baseUrl(WS, "wss", "ws", false);
    assertThatThrownBy(r::finish).hasMessageContaining("X_WS");
  }

  @Test
  void quote_shortensLongValues() {
    assertThat(ConfigReader.quote("x".repeat(5000))).hasSizeLessThan(50);
  }

  @Test
  void finish_passesWhenThereIsNoProblem() {
    ConfigReader r = reader(Map.of());
    r.string(LIST);
    r.finish();
    assertThat(r.settings())
        .containsExactly(
            new ConfigReader.Setting("X_LIST", "(not set)", Environment.Origin.DEFAULT));
    assertThat(r.string(LIST)).isEqualTo(Optional.empty());
  }

  @Test
  void dotEnvProblemsAreReported() {
    ConfigReader r = new ConfigReader(new Environment(Map.of(), DotEnv.parse(".env", "oops")));
    assertThatThrownBy(r::finish).hasMessageContaining(".env line 1");
  }

  @Test
  void botTokens_mustDifferAndLookLikeTokens() {
    ConfigReader r =
        reader(
            Map.of(
                "TELEGRAM_BOT_TOKEN", "12345678:same-token-0123456789abcdefghijklmnop",
                "TELEGRAM_ALERT_TOKEN", "12345678:same-token-0123456789abcdefghijklmnop"));
    BotTokens.requireDistinct(
        r,
        BotTokens.read(r, BotTokens.TELEGRAM_BOT_TOKEN),
        BotTokens.read(r, BotTokens.TELEGRAM_ALERT_TOKEN));
    assertThatThrownBy(r::finish)
        .hasMessageContaining("must differ from TELEGRAM_BOT_TOKEN")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("same-token"));

    ConfigReader bad = reader(Map.of("TELEGRAM_BOT_TOKEN", "not-a-token"));
    BotTokens.read(bad, BotTokens.TELEGRAM_BOT_TOKEN);
    assertThatThrownBy(bad::finish)
        .hasMessageContaining("does not look like a bot token")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-token"));
  }

  @Test
  void botTokens_requiredSaysWhy() {
    ConfigReader r = reader(Map.of());
    BotTokens.read(r, BotTokens.TELEGRAM_BOT_TOKEN, Optional.of("because"));
    assertThatThrownBy(r::finish).hasMessage("TELEGRAM_BOT_TOKEN: is required: because");
  }
}
