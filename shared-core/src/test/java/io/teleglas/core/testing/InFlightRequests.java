package io.teleglas.core.testing;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;

/**
 * Counts requests from arrival until their response has been written, so {@link
 * FakeTelegramApi#close()} can let released long polls finish instead of cutting them off (which a
 * poller would log as an error).
 */
final class InFlightRequests implements ServeEventListener {

  private int inFlight; // guarded by this

  @Override
  public String getName() {
    return "teleglas-in-flight-requests";
  }

  @Override
  public synchronized void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
    inFlight++;
  }

  @Override
  public synchronized void afterComplete(ServeEvent serveEvent, Parameters parameters) {
    inFlight--;
    notifyAll();
  }

  /**
   * Waits until no request is being served, or {@code timeout} passes; returns whether it got idle.
   */
  synchronized boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
