package io.teleglas.alertbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.core.telegram.ChatId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DigestTest {
  private static final ChatId CHANNEL = ChatId.of(-1001234567890L);
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:07Z");

  @Test
  void line_carriesTheAlertTimeAndSummary() {
    OutboundMessage message =
        new OutboundMessage(
            CHANNEL, MessageKind.SEND, Optional.empty(), "<b>full</b>", "🔴 <b>BTC</b> $1.2M", T0);
    assertThat(Digest.line(message)).isEqualTo("10:00:07 UTC · 🔴 <b>BTC</b> $1.2M");
  }

  @Test
  void digest_countsAndListsEveryLine_inOrder() {
    OutboundMessage digest = Digest.of(CHANNEL, List.of("a", "b", "c"), T0);

    assertThat(digest.html())
        .isEqualTo("⚡ <b>3 alerts</b> while Telegram was rate-limiting or unreachable:\na\nb\nc");
    assertThat(digest.kind()).isEqualTo(MessageKind.SEND);
    assertThat(digest.groupKey()).isEmpty();
    assertThat(digest.createdAt()).isEqualTo(T0);
    assertThat(digest.summary()).startsWith("⚡ <b>3 alerts</b>");
  }

  @Test
  void tooManyLines_areCutAtWholeLines_withHowManyMore() {
    List<String> lines =
        IntStream.rangeClosed(1, 200)
            .mapToObj(i -> "<b>line " + i + "</b> " + "x".repeat(40))
            .toList();

    String html = Digest.of(CHANNEL, lines, T0).html();

    assertThat(html.length()).isLessThanOrEqualTo(4096);
    assertThat(html).startsWith("⚡ <b>200 alerts</b>");
    String[] shown = html.split("\n");
    int listed = shown.length - 2;
    assertThat(shown[shown.length - 1]).isEqualTo("<i>…and " + (200 - listed) + " more</i>");
    assertThat(shown[listed]).startsWith("<b>line " + listed + "</b>");
    assertThat(html.length())
        .as("full up to one line and the tail")
        .isGreaterThan(4096 - lines.get(listed).length() - "\n<i>…and 999 more</i>".length());
  }
}
