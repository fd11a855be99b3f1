package io.teleglas.core.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);");

  private final MessageSplitter telegram = new MessageSplitter();

  @Test
  void split_returnsShortMessageUnchanged() {
    String html = "<b>BTC</b> liquidations\n$1.2M longs\n";

    assertThat(telegram.split(html)).containsExactly(html);
  }

  @Test
  void split_keepsMessageOfExactlyMaxLengthWhole() {
    String html = "a".repeat(2000) + "\n" + "b".repeat(2095);
    assertThat(html).hasSize(MessageSplitter.MAX_LENGTH);

    assertThat(telegram.split(html)).containsExactly(html);
  }

  @Test
  void split_cutsMessageOneOverMaxLengthAtLineBreak() {
    String html = "a".repeat(2000) + "\n" + "b".repeat(2096);

    assertThat(telegram.split(html)).containsExactly("a".repeat(2000), "b".repeat(2096));
  }

  @Test
  void split_packsAsManyWholeLinesAsFit() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      lines.add("line " + i + " " + "x".repeat(i % 37));
    }
    String html = String.join("\n", lines);

    List<String> chunks = telegram.split(html);

    assertThat(chunks).hasSizeGreaterThan(1);
    assertValid(chunks, MessageSplitter.MAX_LENGTH);
    assertThat(String.join("\n", chunks)).isEqualTo(html);
    int line = 0;
    for (String chunk : chunks.subList(0, chunks.size() - 1)) {
      line += chunk.split("\n").length;
      assertThat(chunk.length() + 1 + lines.get(line).length())
          .isGreaterThan(MessageSplitter.MAX_LENGTH);
    }
  }

  @Test
  void split_dropsLineBreaksAtTheCut() {
    assertThat(new MessageSplitter(8).split("aaaa\n\n\nbbbb\n\n")).containsExactly("aaaa", "bbbb");
  }

  @Test
  void split_closesAndReopensPreBlockAtTheCut() {
    String html = "Top:\n<pre><code class=\"language-text\">row 1\nrow 2\nrow 3</code></pre>\nend";

    List<String> chunks = new MessageSplitter(60).split(html);

    assertThat(chunks)
        .containsExactly(
            "Top:\n<pre><code class=\"language-text\">row 1</code></pre>",
            "<pre><code class=\"language-text\">row 2\nrow 3</code></pre>",
            "end");
  }

  @Test
  void split_keepsLongPreBlockBalancedInEveryChunk() {
    StringBuilder table = new StringBuilder("<b>Funding</b>\n<pre>");
    for (int i = 0; i < 400; i++) {
      table.append("BINANCE  BTC-").append(i).append("  +0.0100%\n");
    }
    String html = table.append("</pre>\n<i>source: exchanges</i>").toString();

    List<String> chunks = telegram.split(html);

    assertThat(chunks).hasSizeGreaterThan(2);
    assertValid(chunks, MessageSplitter.MAX_LENGTH);
    chunks
        .subList(1, chunks.size() - 1)
        .forEach(chunk -> assertThat(chunk).startsWith("<pre>").endsWith("</pre>"));
    assertSameText(chunks, html);
  }

  @Test
  void split_reopensLinkWithTheSameHref() {
    String html = "<a href=\"https://x.io/?a=1&amp;b=2\">first line\nsecond line</a>";

    List<String> chunks = new MessageSplitter(60).split(html);

    assertThat(chunks)
        .containsExactly(
            "<a href=\"https://x.io/?a=1&amp;b=2\">first line</a>",
            "<a href=\"https://x.io/?a=1&amp;b=2\">second line</a>");
  }

  @Test
  void split_keepsNestedFormattingOpenAcrossCutsInOrder() {
    String html = "<blockquote expandable><b>one <i>two\nthree</i> four\nfive</b></blockquote>";

    List<String> chunks = new MessageSplitter(60).split(html);

    assertThat(chunks)
        .containsExactly(
            "<blockquote expandable><b>one <i>two</i></b></blockquote>",
            "<blockquote expandable><b><i>three</i> four</b></blockquote>",
            "<blockquote expandable><b>five</b></blockquote>");
  }

  @Test
  void split_hardSplitsLongLineWithoutSpaces() {
    String html = "a".repeat(10_000);

    List<String> chunks = telegram.split(html);

    assertThat(chunks).extracting(String::length).containsExactly(4096, 4096, 1808);
    assertThat(String.join("", chunks)).isEqualTo(html);
  }

  @Test
  void split_cutsLongLineAtItsLastSpaceThatFits() {
    assertThat(new MessageSplitter(9).split("aaa bbb ccc ddd\neee"))
        .containsExactly("aaa bbb", "ccc ddd", "eee");
  }

  @Test
  void split_neverCutsSurrogatePairs() {
    String html = "🚀".repeat(100);

    List<String> chunks = new MessageSplitter(101).split(html);

    assertThat(chunks).containsExactly("🚀".repeat(50), "🚀".repeat(50));
  }

  @Test
  void split_neverCutsEntities() {
    String html = "&lt;&amp;&#x1F600;".repeat(30);

    List<String> chunks = new MessageSplitter(23).split(html);

    assertValid(chunks, 23);
    assertThat(String.join("", chunks)).isEqualTo(html);
  }

  @Test
  void split_neverCutsTags() {
    String html = "x<b>y</b>".repeat(20);

    List<String> chunks = new MessageSplitter(11).split(html);

    assertValid(chunks, 11);
    assertThat(Html.toPlainText(String.join("", chunks))).isEqualTo("xy".repeat(20));
  }

  @Test
  void split_dropsStretchesOfWhitespaceLongerThanAChunk() {
    String html = "a\n" + " ".repeat(5_000) + "\n" + "\n".repeat(5_000) + "b";

    assertThat(telegram.split(html)).containsExactly("a", "b");
  }

  @Test
  void split_producesNoBlankChunkWhenFormattingHoldsOnlyWhitespace() {
    String html = "a\n<b>" + " ".repeat(10_000) + "b</b>";

    List<String> chunks = telegram.split(html);

    assertValid(chunks, MessageSplitter.MAX_LENGTH);
    assertThat(chunks).hasSize(2).first().isEqualTo("a");
    assertThat(chunks.get(1)).startsWith("<b>").endsWith(" b</b>");
  }

  @Test
  void split_keepsEveryChunkValidForMixedMessages() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      String html = randomMessage(random);
      int limit = 120 + random.nextInt(400);

      List<String> chunks = new MessageSplitter(limit).split(html);

      assertValid(chunks, limit);
      assertSameText(chunks, html);
    }
  }

  @Test
  void split_rejectsMessagesWithoutText() {
    assertThatThrownBy(() -> telegram.split("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> telegram.split(" \n\t")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> telegram.split("<b> </b>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MessageSplitter(10).split("<br>" + " ".repeat(20)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void split_rejectsMismatchedClosingTagWhenSplitting() {
    String html = "<b>" + "a\n".repeat(3_000) + "</i>";

    assertThatThrownBy(() -> telegram.split(html))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("</i>");
  }

  @Test
  void split_rejectsOpeningTagsLongerThanTheLimit() {
    String html = "<a href=\"https://x.io/" + "p".repeat(60) + "\">text</a>";

    assertThatThrownBy(() -> new MessageSplitter(40).split(html))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_rejectsNonPositiveLimit() {
    assertThatThrownBy(() -> new MessageSplitter(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String randomMessage(Random random) {
    String[] words = {
      "BTC", "$1.2M", "&amp;", "&lt;", "🚀", "long", "short", "x".repeat(60), " ", "\n", "\n\n"
    };
    String[][] elements = {
      {"<b>", "</b>"},
      {"<i>", "</i>"},
      {"<pre>", "</pre>"},
      {"<a href=\"https://x.io/?q=1&amp;r=2\">", "</a>"},
      {"<span class=\"tg-spoiler\">", "</span>"},
      {"<pre><code class=\"language-java\">", "</code></pre>"},
      {"<blockquote expandable>", "</blockquote>"}
    };
    StringBuilder html = new StringBuilder("start ");
    int pieces = 20 + random.nextInt(200);
    for (int i = 0; i < pieces; i++) {
      if (random.nextInt(5) == 0) {
        String[] element = elements[random.nextInt(elements.length)];
        html.append(element[0])
            .append(words[random.nextInt(6)])
            .append(words[random.nextInt(words.length)])
            .append(words[random.nextInt(6)])
            .append(element[1]);
      } else {
        html.append(words[random.nextInt(words.length)]);
      }
    }
    return html.toString();
  }

  /**
   * Every chunk fits, shows text, has balanced tags and whole entities and surrogate pairs, and
   * when the message was split, no chunk starts or ends with a line break.
   */
  private static void assertValid(List<String> chunks, int limit) {
    for (String chunk : chunks) {
      assertThat(chunk.length()).as(chunk).isLessThanOrEqualTo(limit);
      assertThat(Html.toPlainText(chunk)).as(chunk).isNotBlank();
      if (chunks.size() > 1) {
        assertThat(chunk).as(chunk).doesNotEndWith("\n").doesNotStartWith("\n");
      }
      assertBalanced(chunk);
      assertThat(ENTITY.matcher(chunk).replaceAll("")).as(chunk).doesNotContain("&");
      assertNoLoneSurrogate(chunk);
    }
  }

  private static void assertBalanced(String chunk) {
    Deque<String> open = new ArrayDeque<>();
    Matcher tag = TAG.matcher(chunk);
    while (tag.find()) {
      if (tag.group(1).isEmpty()) {
        open.push(tag.group(2));
      } else {
        assertThat(open).as("closing %s in %s", tag.group(), chunk).isNotEmpty();
        assertThat(open.pop()).as("closing %s in %s", tag.group(), chunk).isEqualTo(tag.group(2));
      }
    }
    assertThat(open).as("left open in %s", chunk).isEmpty();
    assertThat(TAG.matcher(chunk).replaceAll("")).as(chunk).doesNotContain("<", ">");
  }

  private static void assertNoLoneSurrogate(String chunk) {
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < chunk.length() && Character.isLowSurrogate(chunk.charAt(i + 1)))
            .as(chunk)
            .isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as(chunk).isFalse();
      }
    }
  }

  /** The chunks show the original text; only whitespace at the cuts may be dropped. */
  private static void assertSameText(List<String> chunks, String html) {
    StringBuilder shown = new StringBuilder();
    chunks.forEach(chunk -> shown.append(Html.toPlainText(chunk)));
    assertThat(withoutWhitespace(shown.toString()))
        .isEqualTo(withoutWhitespace(Html.toPlainText(html)));
  }

  private static String withoutWhitespace(String text) {
    return text.replaceAll("\\s+", "");
  }
}
