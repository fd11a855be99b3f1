package io.teleglas.alertbot.alert;

/** Where an alert stands in the life of its group. */
public enum AlertKind {
  /** The first alert of a group: send a new message. */
  NEW,
  /** The group grew: edit the group's message. */
  UPDATE,
  /** The group closed: edit the group's message with the final summary. */
  RESOLVED,
  /**
   * A new alert inside its cooldown that passed because it is much larger than the last one sent
   * for the same rule, coin and side.
   */
  ESCALATION
}
