package io.teleglas.commandbot.config;

import java.util.Set;

/**
 * Who may use the bot: everyone ({@code *}) or only the listed Telegram user ids, plus the
 * administrators ({@code TELEGRAM_ADMIN_IDS}), who are always allowed and are not rate-limited.
 */
public record AccessList(boolean allowsEveryone, Set<Long> userIds, Set<Long> adminIds) {
  public AccessList {
    userIds = Set.copyOf(userIds);
    adminIds = Set.copyOf(adminIds);
  }

  public static AccessList everyone() {
    return new AccessList(true, Set.of(), Set.of());
  }

  public static AccessList only(Set<Long> ids) {
    return new AccessList(false, ids, Set.of());
  }

  /** The same list with {@code admins} as administrators. */
  public AccessList withAdmins(Set<Long> admins) {
    return new AccessList(allowsEveryone, userIds, admins);
  }

  public boolean allows(long userId) {
    return allowsEveryone || userIds.contains(userId) || adminIds.contains(userId);
  }

  public boolean isAdmin(long userId) {
    return adminIds.contains(userId);
  }
}
