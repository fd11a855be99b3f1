package io.teleglas.alertbot.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SessionListener} that writes down what it hears, as short strings. */
final class RecordingListener implements SessionListener {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<Duration> retryDelays = new CopyOnWriteArrayList<>();
  final List<String> disconnectReasons = new CopyOnWriteArrayList<>();
  final List<Long> staleNanoTimes = new CopyOnWriteArrayList<>();

  @Override
  public void onConnected(StreamSession session, int failedAttempts) {
    calls.add("connected after " + failedAttempts);
  }

  @Override
  public void onDisconnected(StreamSession session, String reason, Duration retryIn) {
    calls.add("disconnected");
    disconnectReasons.add(reason);
    retryDelays.add(retryIn);
  }

  @Override
  public void onStale(StreamSession session, Duration silentFor) {
    staleNanoTimes.add(System.nanoTime());
    calls.add("stale");
  }

  @Override
  public void onError(StreamSession session, String problem) {
    calls.add("error: " + problem);
  }
}
