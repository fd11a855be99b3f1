package io.teleglas.alertbot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.source.SourceNotices;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.OutboxStats;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminNoticesTest {
  private static final ChatId ADMIN = new ChatId("777");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  private final List<OutboundMessage> sent = new ArrayList<>();
  private final List<String> logged = new ArrayList<>();
  private final SourceNotices log =
      new SourceNotices() {
        @Override
        public void disconnected(String source, String reason) {
          logged.add("disconnected " + source);
        }

        @Override
        public void dataGap(Duration gap) {
          logged.add("gap " + gap.toSeconds());
        }
      };
  private final AdminNotices notices = new AdminNotices(Optional.of(ADMIN), log, sent::add, clock);

  @Test
  void sendsEachNoticeToTheAdminChatAndTheLog() {
    notices.disconnected("binance", "read timeout <30 s>");
    notices.switched(Optional.of("binance"), Optional.of("bybit"));
    notices.dataGap(Duration.ofSeconds(90));

    assertThat(sent).extracting(OutboundMessage::chat).containsOnly(ADMIN);
    assertThat(sent).extracting(OutboundMessage::kind).containsOnly(MessageKind.SEND);
    assertThat(sent.get(0).html()).contains("binance", "read timeout &lt;30 s&gt;");
    assertThat(sent.get(1).html()).contains("bybit");
    assertThat(sent.get(2).html()).contains("Data gap");
    assertThat(sent).allSatisfy(m -> assertThat(m.summary()).doesNotContain("\n"));
    assertThat(logged).containsExactly("disconnected binance", "gap 90");
  }

  @Test
  void aFlappingSourceIsReportedOnceEveryFiveMinutesPerKindOfNotice() {
    for (int i = 0; i < 10; i++) {
      notices.disconnected("okx", "silent");
      notices.connected("okx");
      clock.advance(Duration.ofSeconds(20));
    }
    assertThat(sent).hasSize(2);

    clock.advance(AdminNotices.REPEAT_AFTER);
    notices.disconnected("okx", "silent");
    assertThat(sent).hasSize(3);
    assertThat(logged).hasSize(11);
  }

  @Test
  void reportsABacklogOnceAndItsRecoveryOnce() {
    Instant now = clock.instant();
    OutboxStats calm = new OutboxStats(3, Optional.of(now), 10, 0, 0);
    OutboxStats old = new OutboxStats(3, Optional.of(now.minus(Duration.ofMinutes(3))), 10, 0, 0);
    OutboxStats drained = new OutboxStats(0, Optional.empty(), 13, 0, 0);

    notices.checkBacklog(() -> calm);
    notices.checkBacklog(() -> old);
    notices.checkBacklog(() -> old);
    notices.checkBacklog(() -> drained);
    notices.checkBacklog(() -> drained);

    assertThat(sent)
        .extracting(OutboundMessage::html)
        .satisfiesExactly(
            backlog -> assertThat(backlog).contains("Delivery backlog", "3 messages"),
            recovered -> assertThat(recovered).contains("Delivery recovered"));
  }

  @Test
  void withoutAnAdminChatNoticesOnlyReachTheLog() {
    AdminNotices logOnly = new AdminNotices(Optional.empty(), log, sent::add, clock);
    logOnly.dataGap(Duration.ofSeconds(61));
    assertThat(sent).isEmpty();
    assertThat(logged).containsExactly("gap 61");
  }
}
