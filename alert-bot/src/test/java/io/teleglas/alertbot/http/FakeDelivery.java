package io.teleglas.alertbot.http;

import java.util.Optional;

/** Delivery whose health tests set by hand. Thread-safe. */
final class FakeDelivery implements DeliveryHealth {
  volatile boolean stuck;
  volatile Optional<String> reason = Optional.empty();
  volatile int backlog;
  volatile Optional<java.time.Duration> oldest = Optional.empty();

  @Override
  public boolean stuck() {
    return stuck;
  }

  @Override
  public Optional<String> reason() {
    return reason;
  }

  @Override
  public int backlog() {
    return backlog;
  }

  @Override
  public Optional<java.time.Duration> oldestPendingAge() {
    return oldest;
  }
}
