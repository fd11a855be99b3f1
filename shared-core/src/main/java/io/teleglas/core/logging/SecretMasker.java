package io.teleglas.core.logging;

import java.util.regex.Pattern;

/**
 * Removes credentials from text about to be logged: Telegram bot tokens (TelegramBots puts them in
 * every request URL, {@code /bot<token>/method}, so they show up in exception messages), CoinGlass
 * keys in a WebSocket query string or request header, and passwords in JDBC URLs. Stateless and
 * thread-safe.
 */
public final class SecretMasker {
  private static final String REDACTED = "[REDACTED]";
  private static final Pattern BOT_PATH = Pattern.compile("/bot[^/\\s?#\"']+");
  private static final Pattern BOT_TOKEN = Pattern.compile("\\b\\d{5,}:[A-Za-z0-9_-]{20,}");
  private static final Pattern CG_QUERY = Pattern.compile("(?i)(cg-api-key=)[^&\\s\"']+");
  private static final Pattern CG_HEADER = Pattern.compile("(?i)(CG-API-KEY\\s*:\\s*)[^\\s,;\"']+");
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&\\s\"']+");

  private SecretMasker() {}

  /** {@code text} with every recognised credential replaced by {@value #REDACTED}. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (out.contains("/bot")) {
      out = BOT_PATH.matcher(out).replaceAll("/bot" + REDACTED);
    }
    if (out.indexOf(':') >= 0) {
      out = BOT_TOKEN.matcher(out).replaceAll(REDACTED);
    }
    if (containsIgnoreCase(out, "cg-api-key")) {
      out = CG_QUERY.matcher(out).replaceAll("$1" + REDACTED);
      out = CG_HEADER.matcher(out).replaceAll("$1" + REDACTED);
    }
    if (containsIgnoreCase(out, "password=")) {
      out = PASSWORD.matcher(out).replaceAll("$1" + REDACTED);
    }
    return out;
  }

  private static boolean containsIgnoreCase(String text, String needle) {
    int n = needle.length();
    for (int i = 0; i + n <= text.length(); i++) {
      if (text.regionMatches(true, i, needle, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
