package io.teleglas.core.config;

import java.util.Set;

/**
 * Every environment variable of the external contract, for both bots. One {@code .env} usually
 * serves both bots, so a bot warns only about names that neither reads: most likely typos.
 */
public final class KnownVariables {
  private KnownVariables() {}

  public static final Set<String> NAMES =
      Set.of(
          "TELEGRAM_API_URL",
          "COINGLASS_API_KEY",
          "COINGLASS_API_URL",
          "BINANCE_FAPI_URL",
          "BYBIT_API_URL",
          "OKX_API_URL",
          "HYPERLIQUID_API_URL",
          "DATA_DIR",
          "DATABASE_URL",
          "LOG_LEVEL",
          "LOG_FORMAT",
          "TELEGRAM_BOT_TOKEN",
          "TELEGRAM_ALLOWED_USERS",
          "TELEGRAM_ADMIN_IDS",
          "COMMAND_HTTP_ADDR",
          "TELEGRAM_ALERT_TOKEN",
          "TELEGRAM_ALERT_CHANNEL_ID",
          "TELEGRAM_ADMIN_CHAT_ID",
          "ALERT_SOURCES",
          "ALERT_SYMBOLS",
          "ALERT_RULES_FILE",
          "COINGLASS_WS_URL",
          "BINANCE_WS_URL",
          "BYBIT_WS_URL",
          "OKX_WS_URL",
          "HYPERLIQUID_WS_URL",
          "ALERT_HTTP_ADDR");
}
