package io.teleglas.alertbot.config;

/** How the alert bot runs; only {@link #LIVE} talks to Telegram. */
public enum RunMode {
  /** Live sources, alerts to Telegram. */
  LIVE,
  /** Live sources, alerts printed to stdout. */
  DRY_RUN,
  /** The bundled recording through the real engine, alerts printed. */
  DEMO,
  /** A recorded file through the real engine, alerts printed. */
  REPLAY;

  public boolean needsTelegram() {
    return this == LIVE;
  }
}
