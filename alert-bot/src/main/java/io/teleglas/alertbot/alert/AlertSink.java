package io.teleglas.alertbot.alert;

/**
 * Receives the alerts that passed every engine stage. Called on the engine thread, so an
 * implementation hands off quickly (to a delivery queue) and never blocks on the network.
 */
@FunctionalInterface
public interface AlertSink {
  void accept(Alert alert);
}
