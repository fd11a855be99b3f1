package io.teleglas.alertbot.alert;

/** How big a coin's market is; each tier has its own thresholds. */
public enum Tier {
  MAJORS("majors"),
  LARGE_CAPS("large-caps"),
  OTHERS("others");

  private final String key;

  Tier(String key) {
    this.key = key;
  }

  /** The name used in the rules file. */
  public String key() {
    return key;
  }
}
