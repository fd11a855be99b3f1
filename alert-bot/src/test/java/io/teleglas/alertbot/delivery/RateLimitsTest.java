package io.teleglas.alertbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.telegram.ChatId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final ChatId USER = ChatId.of(42);
  private static final ChatId GROUP = ChatId.of(-1001234567890L);
  private static final ChatId NAMED = new ChatId("@teleglas_alerts");

  private final RateLimits limits = new RateLimits(RateLimits.Limits.telegram());

  @Test
  void chatKinds_negativeIdsAndNamesAreGroups() {
    assertThat(RateLimits.isGroup(USER)).isFalse();
    assertThat(RateLimits.isGroup(GROUP)).isTrue();
    assertThat(RateLimits.isGroup(NAMED)).isTrue();
  }

  @Test
  void privateChat_waitsOneSecondBetweenRequests() {
    assertThat(limits.nextAllowed(USER, T0)).isEqualTo(T0);
    limits.record(USER, T0);
    assertThat(limits.nextAllowed(USER, T0)).isEqualTo(T0.plusSeconds(1));
    assertThat(limits.nextAllowed(ChatId.of(43), T0)).isEqualTo(T0);
  }

  @Test
  void group_gets20PerRollingMinute() {
    for (int i = 0; i < 20; i++) {
      limits.record(GROUP, T0.plusSeconds(i));
    }
    assertThat(limits.nextAllowed(GROUP, T0.plusSeconds(20))).isEqualTo(T0.plusSeconds(60));
    limits.record(GROUP, T0.plusSeconds(60));
    assertThat(limits.nextAllowed(GROUP, T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(61));
  }

  @Test
  void overall_30PerRollingSecond() {
    for (int i = 0; i < 30; i++) {
      limits.record(ChatId.of(1000 + i), T0.plusMillis(i));
    }
    assertThat(limits.nextAllowed(USER, T0.plusMillis(30))).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void holds_delayOneChatOrAll_andReportWhetherOthersWereHeld() {
    assertThat(limits.holdChat(USER, T0, T0.plusSeconds(7))).isFalse();
    assertThat(limits.nextAllowed(USER, T0)).isEqualTo(T0.plusSeconds(7));
    assertThat(limits.nextAllowed(GROUP, T0)).isEqualTo(T0);
    assertThat(limits.holdChat(GROUP, T0.plusSeconds(1), T0.plusSeconds(5))).isTrue();
    limits.holdAll(T0.plusSeconds(9));
    assertThat(limits.nextAllowed(ChatId.of(7), T0)).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void allowance_countsWhatTheChatCouldSendWithinTheHorizon() {
    Duration tenSeconds = Duration.ofSeconds(10);
    assertThat(limits.allowance(USER, T0, tenSeconds, 100)).isEqualTo(11);
    assertThat(limits.allowance(USER, T0, tenSeconds, 4)).isEqualTo(4);
    for (int i = 0; i < 20; i++) {
      limits.record(GROUP, T0.plusSeconds(i));
    }
    assertThat(limits.allowance(GROUP, T0.plusSeconds(20), tenSeconds, 100)).isZero();
    assertThat(limits.allowance(GROUP, T0.plusSeconds(55), tenSeconds, 100)).isEqualTo(6);
    limits.holdChat(USER, T0, T0.plusSeconds(30));
    assertThat(limits.allowance(USER, T0, tenSeconds, 100)).isZero();
  }

  @Test
  void forgetIdle_dropsOldLogsWithoutLoosening_currentLimits() {
    limits.record(GROUP, T0);
    limits.forgetIdle(T0.plusSeconds(30));
    assertThat(limits.nextAllowed(GROUP, T0)).isEqualTo(T0.plusSeconds(1));
    limits.forgetIdle(T0.plusSeconds(61));
    assertThat(limits.nextAllowed(GROUP, T0)).isEqualTo(T0);
  }
}
