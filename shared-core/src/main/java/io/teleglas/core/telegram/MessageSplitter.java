package io.teleglas.core.telegram;

import io.teleglas.core.telegram.HtmlToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Splits a Telegram HTML message into chunks that each fit Telegram's length limit and are valid
 * HTML on their own.
 *
 * <p>Length is counted in UTF-16 units ({@link String#length()}) of the HTML source, tags and
 * entities included. Telegram counts the text after entity parsing, so this is conservative.
 *
 * <p>A message that fits is returned unchanged. Otherwise each chunk takes as many whole lines as
 * fit; a line longer than a whole chunk is cut at its last whitespace that fits, or else between
 * two characters. A cut never falls inside a tag, an entity or a surrogate pair. Formatting open at
 * a cut (a {@code <pre>} block, a {@code <b>} over several lines, a link) is closed at the end of
 * the chunk and reopened with the same opening tag, attributes included, at the start of the next
 * one. Line breaks at a cut and the whitespace a line was cut at are dropped, and no chunk is
 * blank.
 *
 * <p>The input is expected to be well-formed Telegram HTML. Stateless and thread-safe.
 */
public final class MessageSplitter {

  /** Telegram's limit for the text of one message. */
  public static final int MAX_LENGTH = 4096;

  private final int maxLength;

  /** Creates a splitter for Telegram's limit, {@link #MAX_LENGTH}. */
  public MessageSplitter() {
    this(MAX_LENGTH);
  }

  /**
   * Creates a splitter with a custom limit, for tests and for captions.
   *
   * @throws IllegalArgumentException if {@code maxLength} is not positive
   */
  public MessageSplitter(int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
    }
    this.maxLength = maxLength;
  }

  /**
   * Splits {@code html} into chunks of at most the limit, in order.
   *
   * @return one element, {@code html} itself, if it fits; otherwise two or more chunks
   * @throws IllegalArgumentException if {@code html} shows no text (Telegram rejects empty
   *     messages), has a closing tag that does not match the open element, or has opening tags so
   *     long that they and one character cannot fit in one chunk
   */
  public List<String> split(String html) {
    Objects.requireNonNull(html, "html is null");
    if (Html.toPlainText(html).isBlank()) {
      throw new IllegalArgumentException("message has no visible text; Telegram rejects it");
    }
    if (html.length() <= maxLength) {
      return List.of(html);
    }
    List<HtmlToken> tokens = HtmlToken.tokenize(html);
    List<String> chunks = new ArrayList<>();
    Deque<HtmlToken> open = new ArrayDeque<>();
    int start = 0;
    while (start < tokens.size()) {
      Cut cut = nextCut(tokens, start, open);
      if (cut.visible()) {
        chunks.add(render(tokens, start, cut.end(), open));
      }
      replay(tokens, start, cut.resume(), open);
      start = skipLineBreaks(tokens, cut.resume());
    }
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException(
          "message has only markup and whitespace; Telegram rejects it");
    }
    return List.copyOf(chunks);
  }

  /**
   * Where the chunk that starts at {@code start} ends, preferring the last line break that fits,
   * then the last whitespace, then the last position between characters.
   */
  private Cut nextCut(List<HtmlToken> tokens, int start, Deque<HtmlToken> openAtStart) {
    Deque<HtmlToken> open = new ArrayDeque<>(openAtStart);
    int length = 0;
    int closingLength = 0;
    for (HtmlToken tag : open) {
      length += tag.length();
      closingLength += tag.closingTag().length();
    }
    boolean visible = false;
    Cut atLine = null;
    Cut atSpace = null;
    Cut anywhere = null;
    for (int i = start; i < tokens.size(); i++) {
      HtmlToken token = tokens.get(i);
      if (length + closingLength <= maxLength && visible) {
        if (token.kind() == Kind.NEWLINE) {
          atLine = new Cut(trimLineBreaks(tokens, start, i), i + 1, true);
        } else if (token.kind() == Kind.SPACE) {
          atSpace = new Cut(i, i + 1, true);
        } else if (token.kind() != Kind.CLOSE_TAG && tokens.get(i - 1).kind() != Kind.OPEN_TAG) {
          anywhere = new Cut(i, i, true);
        }
      }
      length += token.length();
      closingLength += closingLengthChange(token, open);
      if (length + closingLength > maxLength) {
        return visible ? best(atLine, atSpace, anywhere) : skipInvisible(start, i, token);
      }
      visible |= token.kind() == Kind.TEXT || token.kind() == Kind.ENTITY;
    }
    return new Cut(trimLineBreaks(tokens, start, tokens.size()), tokens.size(), visible);
  }

  private static Cut best(Cut atLine, Cut atSpace, Cut anywhere) {
    return atLine != null ? atLine : atSpace != null ? atSpace : anywhere;
  }

  /**
   * Whitespace and tags before the first visible character overflowed the chunk: drop the
   * whitespace, carry the tags over through the open-element stack, and go on at {@code blocker}.
   */
  private static Cut skipInvisible(int start, int blockerIndex, HtmlToken blocker) {
    if (blockerIndex == start) {
      throw new IllegalArgumentException(
          "cannot fit the open tags and \"" + blocker.text() + "\" in one chunk");
    }
    return new Cut(blockerIndex, blockerIndex, false);
  }

  private static int closingLengthChange(HtmlToken token, Deque<HtmlToken> open) {
    if (token.kind() == Kind.OPEN_TAG) {
      open.push(token);
      return token.closingTag().length();
    }
    if (token.kind() == Kind.CLOSE_TAG) {
      HtmlToken opening = open.poll();
      if (opening == null || !opening.tagName().equals(token.tagName())) {
        throw new IllegalArgumentException(
            "unbalanced HTML: "
                + token.text()
                + (opening == null ? " closes nothing" : " closes " + opening.text()));
      }
      return -token.closingTag().length();
    }
    return 0;
  }

  private static String render(
      List<HtmlToken> tokens, int start, int end, Deque<HtmlToken> openAtStart) {
    StringBuilder chunk = new StringBuilder();
    openAtStart.descendingIterator().forEachRemaining(tag -> chunk.append(tag.text()));
    Deque<HtmlToken> open = new ArrayDeque<>(openAtStart);
    for (int i = start; i < end; i++) {
      chunk.append(tokens.get(i).text());
      closingLengthChange(tokens.get(i), open);
    }
    open.forEach(tag -> chunk.append(tag.closingTag()));
    return chunk.toString();
  }

  private static void replay(List<HtmlToken> tokens, int start, int end, Deque<HtmlToken> open) {
    for (int i = start; i < end; i++) {
      closingLengthChange(tokens.get(i), open);
    }
  }

  private static int trimLineBreaks(List<HtmlToken> tokens, int start, int end) {
    while (end > start && tokens.get(end - 1).kind() == Kind.NEWLINE) {
      end--;
    }
    return end;
  }

  private static int skipLineBreaks(List<HtmlToken> tokens, int start) {
    while (start < tokens.size() && tokens.get(start).kind() == Kind.NEWLINE) {
      start++;
    }
    return start;
  }

  /** A chunk ends before {@code end}; the next one starts at {@code resume}. */
  private record Cut(int end, int resume, boolean visible) {}
}
