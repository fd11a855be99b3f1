package io.teleglas.alertbot;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of a real alert-bot jar in live mode for tests: the fake Telegram, one
 * Binance-shaped stream, and every other upstream at a closed loopback port.
 */
public final class LiveBotEnv {
  /** An obviously fake alert-bot token. */
  public static final String TOKEN = "7000000001:alert-token-0123456789abcdefghijklmno";

  /** The alert channel. */
  public static final String CHANNEL = "-1001234567890";

  private LiveBotEnv() {}

  /** A mutable map the caller completes (HTTP listener, database). */
  public static Map<String, String> binanceOnly(
      String telegramUrl, String binanceWsUrl, Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_ALERT_TOKEN", TOKEN);
    env.put("TELEGRAM_ALERT_CHANNEL_ID", CHANNEL);
    env.put("TELEGRAM_API_URL", telegramUrl);
    env.put("ALERT_SOURCES", "binance");
    env.put("ALERT_SYMBOLS", "BTC,ETH");
    env.put("BINANCE_WS_URL", binanceWsUrl);
    env.put("BINANCE_FAPI_URL", "http://127.0.0.1:9");
    env.put("OKX_API_URL", "http://127.0.0.1:9");
    env.put("BYBIT_API_URL", "http://127.0.0.1:9");
    env.put("HYPERLIQUID_API_URL", "http://127.0.0.1:9");
    env.put("DATA_DIR", dataDir.toString());
    return env;
  }
}
