package io.teleglas.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fake's model of Telegram's HTML parse mode (core.telegram.org/bots/api#html-style). */
class TelegramHtmlTest {

  @Test
  void plainText_stripsSupportedTags_andDecodesEntities() {
    String html =
        "<b>BTC</b> <i>long</i> &lt;$1M&gt; &amp; <a href=\"https://x.test/?a=1&amp;b=2\">link</a>"
            + " <code>x</code> <pre><code class=\"language-java\">y</code></pre> &#36;&#x24; &quot;q&quot;";

    assertThat(TelegramHtml.plainText(html)).isEqualTo("BTC long <$1M> & link x y $$ \"q\"");
  }

  @Test
  void plainText_keepsUnknownOrBareEntitiesAsText() {
    assertThat(TelegramHtml.plainText("R&D &nbsp; a>b")).isEqualTo("R&D &nbsp; a>b");
  }

  @Test
  void plainText_acceptsSpoilerSpansAndBlockquotes() {
    assertThat(
            TelegramHtml.plainText(
                "<span class=\"tg-spoiler\">s</span><blockquote expandable>q</blockquote>"))
        .isEqualTo("sq");
  }

  @Test
  void plainText_rejectsABareLessThan() {
    assertThatThrownBy(() -> TelegramHtml.plainText("1 < 2"))
        .hasMessage("Unsupported start tag \"\" at byte offset 2");
  }

  @Test
  void plainText_rejectsUnsupportedTags_withUtf8ByteOffsets() {
    assertThatThrownBy(() -> TelegramHtml.plainText("€<br/>"))
        .hasMessage("Unsupported start tag \"br/\" at byte offset 3");
  }

  @Test
  void plainText_rejectsUnclosedAndMismatchedTags() {
    assertThatThrownBy(() -> TelegramHtml.plainText("<b>bold"))
        .hasMessage("Can't find end tag corresponding to start tag \"b\"");
    assertThatThrownBy(() -> TelegramHtml.plainText("<b><i>x</b></i>"))
        .hasMessage("Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"");
    assertThatThrownBy(() -> TelegramHtml.plainText("x</b>"))
        .hasMessage("Unexpected end tag at byte offset 1");
    assertThatThrownBy(() -> TelegramHtml.plainText("<b"))
        .hasMessage("Unclosed start tag at byte offset 0");
  }

  @Test
  void plainText_rejectsSpansThatAreNotSpoilers() {
    assertThatThrownBy(() -> TelegramHtml.plainText("<span class=\"red\">x</span>"))
        .hasMessage("Tag \"span\" must have class \"tg-spoiler\"");
  }
}
