package io.teleglas.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommonConfigTest {
  private static CommonConfig read(Map<String, String> env) {
    ConfigReader reader = new ConfigReader(Environment.of(env));
    CommonConfig config = CommonConfig.read(reader);
    reader.finish();
    return config;
  }

  @Test
  void read_defaults() {
    CommonConfig c = read(Map.of());

    assertThat(c.telegramApiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
    assertThat(c.coinglassApiKey()).isEmpty();
    assertThat(c.coinglassApiUrl()).isEqualTo(URI.create("https://open-api-v4.coinglass.com"));
    assertThat(c.binanceFapiUrl()).isEqualTo(URI.create("https://fapi.binance.com"));
    assertThat(c.bybitApiUrl()).isEqualTo(URI.create("https://api.bybit.com"));
    assertThat(c.okxApiUrl()).isEqualTo(URI.create("https://www.okx.com"));
    assertThat(c.hyperliquidApiUrl()).isEqualTo(URI.create("https://api.hyperliquid.xyz"));
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.databaseUrl()).isEmpty();
    assertThat(c.logLevel()).isEqualTo("INFO");
  }

  @Test
  void read_fullMapping(@TempDir Path dir) {
    CommonConfig c =
        read(
            Map.of(
                "TELEGRAM_API_URL", "http://127.0.0.1:9000",
                "COINGLASS_API_KEY", "0123456789abcdef0123456789abcdef",
                "COINGLASS_API_URL", "http://localhost:9001",
                "BINANCE_FAPI_URL", "http://127.0.0.1:9002",
                "BYBIT_API_URL", "https://api.bytick.com",
                "OKX_API_URL", "http://[::1]:9004",
                "HYPERLIQUID_API_URL", "https://api.hyperliquid-testnet.xyz/",
                "DATA_DIR", dir.toString(),
                "DATABASE_URL", "jdbc:postgresql://db/teleglas?user=bot",
                "LOG_LEVEL", "debug"));

    assertThat(c.telegramApiUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(c.coinglassApiKey())
        .map(Secret::reveal)
        .contains("0123456789abcdef0123456789abcdef");
    assertThat(c.coinglassApiUrl()).isEqualTo(URI.create("http://localhost:9001"));
    assertThat(c.binanceFapiUrl().getPort()).isEqualTo(9002);
    assertThat(c.bybitApiUrl().getHost()).isEqualTo("api.bytick.com");
    assertThat(c.okxApiUrl().getPort()).isEqualTo(9004);
    assertThat(c.hyperliquidApiUrl().getHost()).isEqualTo("api.hyperliquid-testnet.xyz");
    assertThat(c.dataDir()).isEqualTo(dir);
    assertThat(c.databaseUrl())
        .map(DatabaseUrl::masked)
        .contains("jdbc:postgresql://db/teleglas?user=bot");
    assertThat(c.logLevel()).isEqualTo("DEBUG");
  }

  @Test
  void read_reportsEveryProblemAtOnce(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "TELEGRAM_API_URL", "https://api.telegram.org/bot",
                        "COINGLASS_API_KEY", "short",
                        "COINGLASS_API_URL", "ftp://example.com",
                        "BINANCE_FAPI_URL", "http://fapi.binance.com",
                        "BYBIT_API_URL", "not a url",
                        "OKX_API_URL", "https://www.okx.com?x=1",
                        "HYPERLIQUID_API_URL", "https://user:pw@api.hyperliquid.xyz",
                        "DATA_DIR", file.toString(),
                        "DATABASE_URL", "mysql://db",
                        "LOG_LEVEL", "LOUD")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::variable)
                    .containsExactlyInAnyOrder(
                        "TELEGRAM_API_URL",
                        "COINGLASS_API_KEY",
                        "COINGLASS_API_URL",
                        "BINANCE_FAPI_URL",
                        "BYBIT_API_URL",
                        "OKX_API_URL",
                        "HYPERLIQUID_API_URL",
                        "DATA_DIR",
                        "DATABASE_URL",
                        "LOG_LEVEL"));
  }

  @Test
  void read_plainHttpOnlyForLoopback() {
    assertThatThrownBy(() -> read(Map.of("TELEGRAM_API_URL", "http://10.0.0.5:8080")))
        .hasMessageContaining("only allowed for loopback");
  }

  @Test
  void read_problemsNeverContainSecrets() {
    assertThatThrownBy(
            () -> read(Map.of("COINGLASS_API_KEY", "bad key with spaces <secret-marker>")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-marker"));
  }

  @Test
  void settings_showSecretsRedactedAndOrigin() {
    ConfigReader reader =
        new ConfigReader(
            new Environment(
                Map.of("COINGLASS_API_KEY", "0123456789abcdef0123456789abcdef"),
                DotEnv.parse(".env", "LOG_LEVEL=WARN")));
    CommonConfig.read(reader);

    assertThat(reader.settings())
        .contains(
            new ConfigReader.Setting(
                "COINGLASS_API_KEY", "[REDACTED]", Environment.Origin.ENVIRONMENT),
            new ConfigReader.Setting("LOG_LEVEL", "WARN", Environment.Origin.DOTENV),
            new ConfigReader.Setting("DATA_DIR", "./data", Environment.Origin.DEFAULT),
            new ConfigReader.Setting("DATABASE_URL", "(not set)", Environment.Origin.DEFAULT));
    assertThat(reader.settings().toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void databaseUrl_isOptional() {
    assertThat(read(Map.of()).databaseUrl()).isEqualTo(Optional.empty());
  }
}
