package io.teleglas.alertbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.telegram.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeHtmlTest {

  @Test
  void notices_readAsOneShortLineEach() {
    Instant now = Instant.parse("2025-01-08T14:32:15Z");
    assertThat(Html.toPlainText(NoticeHtml.connected("binance"))).isEqualTo("✅ binance connected");
    assertThat(
            Html.toPlainText(NoticeHtml.switched(Optional.of("coinglass"), Optional.of("binance"))))
        .isEqualTo("🔀 Active source: binance (was coinglass)");
    assertThat(Html.toPlainText(NoticeHtml.switched(Optional.of("binance"), Optional.empty())))
        .isEqualTo("🛑 No source is healthy (was binance): alerts have stopped");
    assertThat(Html.toPlainText(NoticeHtml.dataGap(Duration.ofSeconds(95))))
        .isEqualTo("🕳 Data gap: no source delivered for 1m; events in that window may be missing");
    assertThat(
            Html.toPlainText(
                NoticeHtml.deliveryBacklog(12, Optional.of(now.minusSeconds(300)), now)))
        .isEqualTo("📮 Delivery backlog: 12 messages waiting, oldest 5m old");
  }

  @Test
  void notices_escapeAndCutUpstreamText() {
    String html = NoticeHtml.disconnected("bin<ance>", "<b>" + "x".repeat(1000));

    assertThat(html).contains("bin&lt;ance&gt;", "&lt;b&gt;x").doesNotContain("<b>x");
    assertThat(Html.toPlainText(html).length()).isLessThan(400);
    assertThat(Html.toPlainText(NoticeHtml.error("okx", "  "))).isEqualTo("❗ okx: no reason given");
  }
}
