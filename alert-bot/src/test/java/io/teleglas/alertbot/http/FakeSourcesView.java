package io.teleglas.alertbot.http;

import io.teleglas.alertbot.source.SourceStatus;
import io.teleglas.alertbot.source.SourcesView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A source manager whose answers tests set by hand. Thread-safe. */
final class FakeSourcesView implements SourcesView {
  volatile List<SourceStatus> sources = List.of();
  volatile Optional<String> activeSource = Optional.empty();
  volatile long updateCount;
  volatile Optional<Instant> lastUpdate = Optional.empty();

  @Override
  public List<SourceStatus> sources() {
    return sources;
  }

  @Override
  public Optional<String> activeSource() {
    return activeSource;
  }

  @Override
  public long updateCount() {
    return updateCount;
  }

  @Override
  public Optional<Instant> lastUpdate() {
    return lastUpdate;
  }
}
