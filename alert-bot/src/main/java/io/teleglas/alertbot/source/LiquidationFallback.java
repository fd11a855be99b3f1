package io.teleglas.alertbot.source;

/**
 * What the source manager starts while no liquidation stream is healthy and stops when one is again
 * (REST polling). Both calls are idempotent and come from the manager's scheduler thread.
 */
public interface LiquidationFallback {
  void ensureRunning(String reason);

  void ensureStopped();

  LiquidationFallback NONE =
      new LiquidationFallback() {
        @Override
        public void ensureRunning(String reason) {}

        @Override
        public void ensureStopped() {}
      };
}
