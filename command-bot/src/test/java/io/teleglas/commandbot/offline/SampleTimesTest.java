package io.teleglas.commandbot.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleTimesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T13:47:12.345Z");

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void now_isTheCurrentTimeShiftedByTheOffset() {
    assertThat(SampleTimes.fill("${now}", NOW)).isEqualTo(Long.toString(NOW.toEpochMilli()));
    assertThat(SampleTimes.fill("${now-90s}", NOW))
        .isEqualTo(Long.toString(millis("2026-03-01T13:45:42.345Z")));
    assertThat(SampleTimes.fill("${now+2d}", NOW))
        .isEqualTo(Long.toString(millis("2026-03-03T13:47:12.345Z")));
  }

  @Test
  void floor_isTheStartOfTheCurrentBucket() {
    assertThat(SampleTimes.fill("${floor5m}", NOW))
        .isEqualTo(Long.toString(millis("2026-03-01T13:45:00Z")));
    assertThat(SampleTimes.fill("${floor1h-2h}", NOW))
        .isEqualTo(Long.toString(millis("2026-03-01T11:00:00Z")));
  }

  @Test
  void next_isTheNextSettlementAfterNow() {
    assertThat(SampleTimes.fill("${next8h}", NOW))
        .isEqualTo(Long.toString(millis("2026-03-01T16:00:00Z")));
    assertThat(SampleTimes.fill("${next8h+8h}", NOW))
        .isEqualTo(Long.toString(millis("2026-03-02T00:00:00Z")));
    assertThat(SampleTimes.fill("${next1h}", NOW))
        .isEqualTo(Long.toString(millis("2026-03-01T14:00:00Z")));
  }

  @Test
  void fill_keepsTheRestAndFillsQuotedPlaceholders() {
    assertThat(SampleTimes.fill("{\"time\": ${floor1h}, \"ts\": \"${floor1h}\"}", NOW))
        .isEqualTo(
            "{\"time\": "
                + millis("2026-03-01T13:00:00Z")
                + ", \"ts\": \""
                + millis("2026-03-01T13:00:00Z")
                + "\"}");
  }

  @Test
  void fill_rejectsWhatIsNotAPlaceholder() {
    assertThatThrownBy(() -> SampleTimes.fill("{\"time\": ${yesterday}}", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("${yesterday}");
    assertThatThrownBy(() -> SampleTimes.fill("${floor0m}", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
