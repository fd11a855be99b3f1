package io.teleglas.alertbot.alert;

/**
 * A rule whose open groups supersede other rules' alerts, as a firing source alert inhibits
 * matching target alerts in Alertmanager. The engine asks every inhibiting rule about each NEW
 * alert of another rule when that alert is about to go out (after its group wait), so the answer
 * reflects what is open at that moment. Called on the engine thread only.
 */
public interface Inhibitor {

  /** Whether {@code alert}, a NEW alert of another rule, is superseded by a group open now. */
  boolean inhibits(Alert alert);
}
