package io.teleglas.core.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One indivisible piece of Telegram HTML: a tag, an entity, one code point (a surrogate pair stays
 * together), a line break or another whitespace character. Splitting between two tokens never
 * breaks the markup. Immutable and thread-safe.
 */
record HtmlToken(Kind kind, String text, String tagName) {

  /** The tag names Telegram accepts in HTML parse mode. */
  static final Set<String> SUPPORTED_TAGS =
      Set.of(
          "b",
          "strong",
          "i",
          "em",
          "u",
          "ins",
          "s",
          "strike",
          "del",
          "span",
          "tg-spoiler",
          "a",
          "tg-emoji",
          "tg-time",
          "code",
          "pre",
          "blockquote");

  private static final int LONGEST_ENTITY = 32;

  enum Kind {
    OPEN_TAG,
    CLOSE_TAG,
    ENTITY,
    NEWLINE,
    SPACE,
    TEXT
  }

  int length() {
    return text.length();
  }

  /** The closing tag that ends an element opened by this token. */
  String closingTag() {
    return "</" + tagName + ">";
  }

  /**
   * Cuts {@code html} into tokens. Markup that is not a tag or an entity (a stray {@code <} or
   * {@code &}) becomes ordinary text, so this never fails.
   */
  static List<HtmlToken> tokenize(String html) {
    List<HtmlToken> tokens = new ArrayList<>();
    int i = 0;
    while (i < html.length()) {
      HtmlToken token = tokenAt(html, i);
      tokens.add(token);
      i += token.length();
    }
    return tokens;
  }

  private static HtmlToken tokenAt(String html, int start) {
    char c = html.charAt(start);
    if (c == '<') {
      int end = tagEnd(html, start);
      if (end > 0) {
        return tag(html.substring(start, end));
      }
    } else if (c == '&') {
      int end = entityEnd(html, start);
      if (end > 0) {
        return new HtmlToken(Kind.ENTITY, html.substring(start, end), null);
      }
    } else if (c == '\n') {
      return new HtmlToken(Kind.NEWLINE, "\n", null);
    } else if (Character.isWhitespace(c)) {
      return new HtmlToken(Kind.SPACE, String.valueOf(c), null);
    }
    int end = start + Character.charCount(html.codePointAt(start));
    return new HtmlToken(Kind.TEXT, html.substring(start, end), null);
  }

  private static HtmlToken tag(String text) {
    boolean closing = text.charAt(1) == '/';
    int nameStart = closing ? 2 : 1;
    int nameEnd = nameStart;
    while (nameEnd < text.length() && isNameChar(text.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
    return new HtmlToken(closing ? Kind.CLOSE_TAG : Kind.OPEN_TAG, text, name);
  }

  /** Index just past the {@code >} of a tag starting at {@code start}, or -1 if there is no tag. */
  private static int tagEnd(String html, int start) {
    int nameStart =
        start + 1 < html.length() && html.charAt(start + 1) == '/' ? start + 2 : start + 1;
    if (nameStart >= html.length() || !isAsciiLetter(html.charAt(nameStart))) {
      return -1;
    }
    char quote = 0;
    for (int i = nameStart; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      } else if (c == '<') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Index just past the {@code ;} of an entity starting at {@code start}, or -1 if there is none.
   */
  private static int entityEnd(String html, int start) {
    int limit = Math.min(html.length(), start + LONGEST_ENTITY);
    for (int i = start + 1; i < limit; i++) {
      char c = html.charAt(i);
      if (c == ';') {
        return i > start + 1 ? i + 1 : -1;
      }
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || (c == '#' && i == start + 1))) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isNameChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
