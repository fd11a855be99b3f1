package io.teleglas.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Telegram's {@code parse_mode=HTML} as the fake applies it: the documented tag set, strict tag
 * balance, and the four named entities plus numeric ones. It follows the structure of tdlib's HTML
 * parser: a stray {@code <} is an unsupported start tag; an unknown or unterminated {@code &entity}
 * stays literal text; a stray {@code >} is text. Error texts follow Telegram's wording after {@code
 * "Bad Request: can't parse entities: "}, with UTF-8 byte offsets. This is a model, not a copy: the
 * real parser may accept or reject edge cases differently.
 */
final class TelegramHtml {

  private static final Set<String> TAGS =
      Set.of(
          "a",
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
          "tg-emoji",
          "tg-time",
          "code",
          "pre",
          "blockquote");
  private static final Map<String, Character> NAMED =
      Map.of("lt", '<', "gt", '>', "amp", '&', "quot", '"');

  private TelegramHtml() {}

  /**
   * The text a chat would show for {@code html}.
   *
   * @throws IllegalArgumentException with Telegram's reason when the markup would be rejected
   */
  static String plainText(String html) {
    StringBuilder out = new StringBuilder(html.length());
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '&') {
        i = appendEntity(html, i, out);
      } else if (c != '<') {
        out.append(c);
        i++;
      } else if (i + 1 < html.length() && html.charAt(i + 1) == '/') {
        i = closeTag(html, i, open);
      } else {
        i = openTag(html, i, open);
      }
    }
    if (!open.isEmpty()) {
      throw new IllegalArgumentException(
          "Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
    }
    return out.toString();
  }

  private static int openTag(String html, int start, Deque<String> open) {
    int nameEnd = start + 1;
    while (nameEnd < html.length()
        && !Character.isWhitespace(html.charAt(nameEnd))
        && html.charAt(nameEnd) != '>') {
      nameEnd++;
    }
    if (nameEnd == html.length()) {
      throw unclosed("start", html, start);
    }
    String name = html.substring(start + 1, nameEnd).toLowerCase(Locale.ROOT);
    if (!TAGS.contains(name)) {
      throw new IllegalArgumentException(
          "Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(html, start));
    }
    int end = tagEnd(html, nameEnd);
    if (end < 0) {
      throw unclosed("start", html, start);
    }
    if (name.equals("span")
        && !html.substring(nameEnd, end).matches("\\s*class\\s*=\\s*([\"']?)tg-spoiler\\1\\s*")) {
      throw new IllegalArgumentException("Tag \"span\" must have class \"tg-spoiler\"");
    }
    open.push(name);
    return end + 1;
  }

  private static int closeTag(String html, int start, Deque<String> open) {
    if (open.isEmpty()) {
      throw new IllegalArgumentException(
          "Unexpected end tag at byte offset " + byteOffset(html, start));
    }
    int end = html.indexOf('>', start);
    if (end < 0) {
      throw unclosed("end", html, start);
    }
    String name = html.substring(start + 2, end).trim().toLowerCase(Locale.ROOT);
    String expected = open.pop();
    if (!name.isEmpty() && !name.equals(expected)) {
      throw new IllegalArgumentException(
          "Unmatched end tag at byte offset "
              + byteOffset(html, start)
              + ", expected \"</"
              + expected
              + ">\", found \"</"
              + name
              + ">\"");
    }
    return end + 1;
  }

  /**
   * The index of the {@code >} ending a start tag, skipping quoted attribute values; -1 if none.
   */
  private static int tagEnd(String html, int from) {
    char quote = 0;
    for (int i = from; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return -1;
  }

  private static int appendEntity(String html, int amp, StringBuilder out) {
    int end = amp + 1;
    Integer codePoint = null;
    if (end < html.length() && html.charAt(end) == '#') {
      boolean hex =
          end + 1 < html.length() && (html.charAt(end + 1) == 'x' || html.charAt(end + 1) == 'X');
      int digits = end + (hex ? 2 : 1);
      end = digits;
      while (end < html.length()
          && Character.digit(html.charAt(end), hex ? 16 : 10) >= 0
          && end - digits < 8) {
        end++;
      }
      if (end > digits) {
        int value = Integer.parseInt(html.substring(digits, end), hex ? 16 : 10);
        codePoint = Character.isValidCodePoint(value) && value != 0 ? value : null;
      }
    } else {
      while (end < html.length() && Character.isLetter(html.charAt(end))) {
        end++;
      }
      Character named = NAMED.get(html.substring(amp + 1, end));
      codePoint = named == null ? null : (int) named;
    }
    if (codePoint == null) {
      out.append('&');
      return amp + 1;
    }
    out.appendCodePoint(codePoint);
    return end < html.length() && html.charAt(end) == ';' ? end + 1 : end;
  }

  private static IllegalArgumentException unclosed(String kind, String html, int start) {
    return new IllegalArgumentException(
        "Unclosed " + kind + " tag at byte offset " + byteOffset(html, start));
  }

  private static int byteOffset(String text, int charIndex) {
    return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
  }
}
