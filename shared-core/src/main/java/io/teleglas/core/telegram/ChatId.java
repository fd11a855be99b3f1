package io.teleglas.core.telegram;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A Telegram chat to post to: a numeric id ({@code 42} for a user, {@code -1001234567890} for a
 * channel or supergroup) or a public {@code @username}.
 */
public record ChatId(String value) {
  private static final Pattern NUMERIC = Pattern.compile("-?[1-9][0-9]{0,18}");
  private static final Pattern USERNAME = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{3,31}");

  public ChatId {
    requireNonNull(value, "value is null");
    if (!NUMERIC.matcher(value).matches() && !USERNAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "expected a numeric chat id (e.g. -1001234567890) or a public @channelname");
    }
  }

  /** A user's private chat or any chat by numeric id. */
  public static ChatId of(long id) {
    return new ChatId(Long.toString(id));
  }

  public boolean isNumeric() {
    return !value.startsWith("@");
  }

  @Override
  public String toString() {
    return value;
  }
}
