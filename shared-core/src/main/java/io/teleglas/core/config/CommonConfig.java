package io.teleglas.core.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Settings both bots share: where the Telegram Bot API and the market-data APIs are, the optional
 * CoinGlass key, where state lives and how much to log.
 */
public record CommonConfig(
    URI telegramApiUrl,
    Optional<Secret> coinglassApiKey,
    URI coinglassApiUrl,
    URI binanceFapiUrl,
    URI bybitApiUrl,
    URI okxApiUrl,
    URI hyperliquidApiUrl,
    Path dataDir,
    Optional<DatabaseUrl> databaseUrl,
    String logLevel,
    LogFormat logFormat) {

  public static final Variable TELEGRAM_API_URL =
      Variable.withDefault(
          "TELEGRAM_API_URL",
          "https://api.telegram.org",
          "Telegram Bot API base, scheme://host[:port] (no path)");
  public static final Variable COINGLASS_API_KEY =
      Variable.secret(
          "COINGLASS_API_KEY",
          "CoinGlass API v4 key; optional: without it the bots fall back to keyless exchange APIs");
  public static final Variable COINGLASS_API_URL =
      Variable.withDefault(
          "COINGLASS_API_URL", "https://open-api-v4.coinglass.com", "CoinGlass REST base");
  public static final Variable BINANCE_FAPI_URL =
      Variable.withDefault(
          "BINANCE_FAPI_URL", "https://fapi.binance.com", "Binance USDⓈ-M futures REST base");
  public static final Variable BYBIT_API_URL =
      Variable.withDefault("BYBIT_API_URL", "https://api.bybit.com", "Bybit v5 REST base");
  public static final Variable OKX_API_URL =
      Variable.withDefault("OKX_API_URL", "https://www.okx.com", "OKX v5 REST base");
  public static final Variable HYPERLIQUID_API_URL =
      Variable.withDefault(
          "HYPERLIQUID_API_URL", "https://api.hyperliquid.xyz", "Hyperliquid info API base");
  public static final Variable DATA_DIR =
      Variable.withDefault(
          "DATA_DIR", "./data", "where the embedded SQLite database and other state live");
  public static final Variable DATABASE_URL =
      new Variable(
          "DATABASE_URL",
          Optional.empty(),
          "JDBC URL (jdbc:postgresql://host/db?user=..) to use PostgreSQL instead of SQLite",
          true);
  public static final Variable LOG_LEVEL =
      Variable.withDefault(
          "LOG_LEVEL", "INFO", "root log level: TRACE, DEBUG, INFO, WARN, ERROR or OFF");

  public static final Variable LOG_FORMAT =
      Variable.withDefault(
          "LOG_FORMAT",
          "text",
          "log line format: text (one readable line) or json (one JSON object per line)");

  /** How log lines are written. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  /** Every shared variable, in the order {@code --help} lists them. */
  public static final List<Variable> VARIABLES =
      List.of(
          TELEGRAM_API_URL,
          COINGLASS_API_KEY,
          COINGLASS_API_URL,
          BINANCE_FAPI_URL,
          BYBIT_API_URL,
          OKX_API_URL,
          HYPERLIQUID_API_URL,
          DATA_DIR,
          DATABASE_URL,
          LOG_LEVEL,
          LOG_FORMAT);

  public CommonConfig {
    requireNonNull(telegramApiUrl, "telegramApiUrl is null");
    requireNonNull(coinglassApiKey, "coinglassApiKey is null");
    requireNonNull(coinglassApiUrl, "coinglassApiUrl is null");
    requireNonNull(binanceFapiUrl, "binanceFapiUrl is null");
    requireNonNull(bybitApiUrl, "bybitApiUrl is null");
    requireNonNull(okxApiUrl, "okxApiUrl is null");
    requireNonNull(hyperliquidApiUrl, "hyperliquidApiUrl is null");
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(databaseUrl, "databaseUrl is null");
    requireNonNull(logLevel, "logLevel is null");
    requireNonNull(logFormat, "logFormat is null");
  }

  /**
   * Reads the shared settings; problems are collected in {@code reader}. Returns null only when a
   * problem was recorded, in which case {@link ConfigReader#finish()} will throw.
   */
  public static CommonConfig read(ConfigReader reader) {
    URI telegram = reader.baseUrl(TELEGRAM_API_URL, "https", "http", false).orElse(null);
    Optional<Secret> key = reader.secret(COINGLASS_API_KEY);
    key.ifPresent(
        k -> {
          if (!k.reveal().matches("[A-Za-z0-9_-]{8,128}")) {
            reader.problem(
                COINGLASS_API_KEY,
                "does not look like a CoinGlass API key (8-128 letters, digits, '-' or '_')");
          }
        });
    URI coinglass = rest(reader, COINGLASS_API_URL);
    URI binance = rest(reader, BINANCE_FAPI_URL);
    URI bybit = rest(reader, BYBIT_API_URL);
    URI okx = rest(reader, OKX_API_URL);
    URI hyperliquid = rest(reader, HYPERLIQUID_API_URL);
    Path dataDir = reader.path(DATA_DIR).orElse(null);
    if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      reader.problem(DATA_DIR, "'" + dataDir + "' exists and is not a directory");
    }
    Optional<DatabaseUrl> database =
        reader
            .raw(DATABASE_URL)
            .flatMap(
                url -> {
                  try {
                    return Optional.of(DatabaseUrl.parse(url));
                  } catch (IllegalArgumentException e) {
                    reader.problem(DATABASE_URL, e.getMessage());
                    return Optional.empty();
                  }
                });
    String level = reader.logLevel(LOG_LEVEL);
    LogFormat format = logFormat(reader);
    if (telegram == null
        || coinglass == null
        || binance == null
        || bybit == null
        || okx == null
        || hyperliquid == null
        || dataDir == null) {
      return null;
    }
    return new CommonConfig(
        telegram,
        key,
        coinglass,
        binance,
        bybit,
        okx,
        hyperliquid,
        dataDir,
        database,
        level,
        format);
  }

  private static LogFormat logFormat(ConfigReader reader) {
    String value = reader.raw(LOG_FORMAT).orElse("text").trim().toLowerCase(java.util.Locale.ROOT);
    return switch (value) {
      case "text" -> LogFormat.TEXT;
      case "json" -> LogFormat.JSON;
      default -> {
        reader.problem(
            LOG_FORMAT, ConfigReader.quote(value) + " is not a format; expected text or json");
        yield LogFormat.TEXT;
      }
    };
  }

  private static URI rest(ConfigReader reader, Variable v) {
    return reader.baseUrl(v, "https", "http", false).orElse(null);
  }
}
