package io.teleglas.commandbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandCountsTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:30Z"));
  private final CommandCounts counts = new CommandCounts(clock);

  @Test
  void lastHour_countsAnsweredAndFailedCommands() {
    counts.record(false);
    clock.advance(Duration.ofMinutes(30));
    counts.record(true);
    counts.record(false);

    assertThat(counts.lastHour()).isEqualTo(new CommandCounts.LastHour(3, 1));
  }

  @Test
  void lastHour_forgetsCommandsOlderThanAnHour() {
    counts.record(true);
    clock.advance(Duration.ofMinutes(59));
    counts.record(false);
    assertThat(counts.lastHour()).isEqualTo(new CommandCounts.LastHour(2, 1));

    clock.advance(Duration.ofMinutes(1));
    assertThat(counts.lastHour()).isEqualTo(new CommandCounts.LastHour(1, 0));

    clock.advance(Duration.ofHours(5));
    counts.record(false);
    assertThat(counts.lastHour()).isEqualTo(new CommandCounts.LastHour(1, 0));
  }
}
