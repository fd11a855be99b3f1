package io.teleglas.core.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds and reads text for Telegram's HTML parse mode. Every method that takes untrusted text
 * (user input, strings from an exchange or CoinGlass) escapes it, so a caller can never inject
 * markup.
 *
 * <p>Telegram knows only four named entities ({@code &lt; &gt; &amp; &quot;}) plus numeric ones, so
 * nothing else is produced or decoded here. Stateless and thread-safe.
 */
public final class Html {

  private Html() {}

  /**
   * Escapes text for use inside a message or an attribute value: {@code &}, {@code <}, {@code >}
   * and {@code "} become {@code &amp; &lt; &gt; &quot;}. Existing entities are escaped again,
   * because untrusted text is shown as it was written.
   *
   * @throws NullPointerException if {@code untrusted} is null
   */
  public static String escape(String untrusted) {
    Objects.requireNonNull(untrusted, "text to escape is null");
    StringBuilder out = new StringBuilder(untrusted.length() + 16);
    for (int i = 0; i < untrusted.length(); i++) {
      char c = untrusted.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Returns {@code untrusted} escaped and wrapped in {@code <b>}. */
  public static String bold(String untrusted) {
    return "<b>" + escape(untrusted) + "</b>";
  }

  /** Returns {@code untrusted} escaped and wrapped in {@code <i>}. */
  public static String italic(String untrusted) {
    return "<i>" + escape(untrusted) + "</i>";
  }

  /** Returns {@code untrusted} escaped and wrapped in {@code <code>} (monospace, tap to copy). */
  public static String code(String untrusted) {
    return "<code>" + escape(untrusted) + "</code>";
  }

  /** Returns {@code untrusted} escaped and wrapped in {@code <pre>} (a monospace block). */
  public static String pre(String untrusted) {
    return "<pre>" + escape(untrusted) + "</pre>";
  }

  /**
   * Returns a link {@code <a href="url">text</a>} with both parts escaped.
   *
   * @throws IllegalArgumentException if {@code url} is not a valid, already percent-encoded
   *     absolute {@code http} or {@code https} URI with a host (this keeps {@code javascript:},
   *     {@code tg:}, relative links and attribute-breaking characters out)
   */
  public static String link(String url, String untrustedText) {
    Objects.requireNonNull(url, "url is null");
    requireWebUrl(url);
    return "<a href=\"" + escape(url) + "\">" + escape(untrustedText) + "</a>";
  }

  /**
   * Returns what a chat shows for a message: the supported tags removed and the entities ({@code
   * &lt; &gt; &amp; &quot;}, {@code &#123;}, {@code &#x1F600;}) decoded. Anything else, such as an
   * unsupported tag or an unknown entity, is left as written, so mistakes stay visible. Used by the
   * console mode to print replies.
   *
   * @throws NullPointerException if {@code html} is null
   */
  public static String toPlainText(String html) {
    Objects.requireNonNull(html, "html is null");
    StringBuilder out = new StringBuilder(html.length());
    for (HtmlToken token : HtmlToken.tokenize(html)) {
      switch (token.kind()) {
        case OPEN_TAG, CLOSE_TAG -> {
          if (!HtmlToken.SUPPORTED_TAGS.contains(token.tagName())) {
            out.append(token.text());
          }
        }
        case ENTITY -> out.append(decode(token.text()));
        default -> out.append(token.text());
      }
    }
    return out.toString();
  }

  private static String decode(String entity) {
    String body = entity.substring(1, entity.length() - 1);
    switch (body) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return "\"";
      default:
        break;
    }
    if (!body.startsWith("#")) {
      return entity;
    }
    boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
    String digits = body.substring(hex ? 2 : 1);
    try {
      int codePoint = Integer.parseInt(digits, hex ? 16 : 10);
      boolean valid =
          Character.isValidCodePoint(codePoint)
              && Character.getType(codePoint) != Character.SURROGATE;
      return valid ? Character.toString(codePoint) : entity;
    } catch (NumberFormatException e) {
      return entity;
    }
  }

  private static void requireWebUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid link URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("link URL must be http(s) with a host: " + url);
    }
  }
}
