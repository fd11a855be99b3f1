package io.teleglas.core.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escape_neutralisesScriptTag() {
    assertThat(Html.escape("<script>alert(1)</script>"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void escape_escapesExistingEntitiesAgain() {
    assertThat(Html.escape("&amp; &lt;")).isEqualTo("&amp;amp; &amp;lt;");
  }

  @Test
  void escape_escapesDoubleQuotesButNotApostrophes() {
    assertThat(Html.escape("say \"hi\" it's")).isEqualTo("say &quot;hi&quot; it's");
  }

  @Test
  void escape_leavesOrdinaryTextAndEmojiAlone() {
    assertThat(Html.escape("BTC 🚀 +5% ümlaut")).isEqualTo("BTC 🚀 +5% ümlaut");
  }

  @Test
  void escape_rejectsNullWithMessage() {
    assertThatThrownBy(() -> Html.escape(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null");
  }

  @Test
  void builders_wrapEscapedText() {
    assertThat(Html.bold("a<b")).isEqualTo("<b>a&lt;b</b>");
    assertThat(Html.italic("x&y")).isEqualTo("<i>x&amp;y</i>");
    assertThat(Html.code("<i>")).isEqualTo("<code>&lt;i&gt;</code>");
    assertThat(Html.pre("1 > 0")).isEqualTo("<pre>1 &gt; 0</pre>");
  }

  @Test
  void link_escapesUrlAndText() {
    assertThat(Html.link("https://example.com/a?x=1&y=2", "<Chart>"))
        .isEqualTo("<a href=\"https://example.com/a?x=1&amp;y=2\">&lt;Chart&gt;</a>");
  }

  @Test
  void link_acceptsHttpInAnyCase() {
    assertThat(Html.link("HTTP://localhost:8080/x", "local"))
        .isEqualTo("<a href=\"HTTP://localhost:8080/x\">local</a>");
  }

  @Test
  void link_rejectsOtherSchemesAndRelativeUrls() {
    assertThatThrownBy(() -> Html.link("javascript:alert(1)", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Html.link("tg://resolve?domain=x", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Html.link("/relative/path", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Html.link("https://exa mple.com", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Html.link("https://x.io/\"><b>", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toPlainText_stripsSupportedTagsAndDecodesNamedEntities() {
    String html =
        "<b>BTC</b> <a href=\"https://x.io/?a=1&amp;b=2\">chart</a> "
            + "<pre><code class=\"language-text\">1 &lt; 2 &amp;&amp; 3 &gt; 2</code></pre>"
            + "<span class=\"tg-spoiler\">&quot;s&quot;</span><blockquote expandable>q</blockquote>";
    assertThat(Html.toPlainText(html)).isEqualTo("BTC chart 1 < 2 && 3 > 2\"s\"q");
  }

  @Test
  void toPlainText_decodesNumericEntities() {
    assertThat(Html.toPlainText("&#123;&#x1F600;&#X41;")).isEqualTo("{😀A");
  }

  @Test
  void toPlainText_decodesOnlyOnce() {
    assertThat(Html.toPlainText("&amp;lt;")).isEqualTo("&lt;");
  }

  @Test
  void toPlainText_leavesUnknownEntitiesAndUnsupportedTagsVisible() {
    assertThat(Html.toPlainText("&nbsp;<br>&#xD800;&#99999999999;"))
        .isEqualTo("&nbsp;<br>&#xD800;&#99999999999;");
  }

  @Test
  void toPlainText_undoesEscapeForAnyText() {
    Random random = new Random(42);
    String alphabet = "&<>\"';#x1aZ \n🚀";
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(
            alphabet.codePointAt(
                alphabet.offsetByCodePoints(
                    0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      String original = text.toString();
      assertThat(Html.toPlainText(Html.escape(original))).isEqualTo(original);
      assertThat(Html.toPlainText(Html.bold(original) + Html.code(original)))
          .isEqualTo(original + original);
    }
  }
}
