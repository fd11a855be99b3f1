package io.teleglas.commandbot.config;

import java.util.Set;

/** Who may use the bot: everyone ({@code *}) or only the listed Telegram user ids. */
public record AccessList(boolean allowsEveryone, Set<Long> userIds) {
  public AccessList {
    userIds = Set.copyOf(userIds);
  }

  public static AccessList everyone() {
    return new AccessList(true, Set.of());
  }

  public static AccessList only(Set<Long> ids) {
    return new AccessList(false, ids);
  }

  public boolean allows(long userId) {
    return allowsEveryone || userIds.contains(userId);
  }
}
