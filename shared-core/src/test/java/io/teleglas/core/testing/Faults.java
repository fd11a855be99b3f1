package io.teleglas.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures {@link FakeTelegramApi} was told to inject. Thread-safe: tests arm it while server
 * threads consume it.
 */
final class Faults {

  static final String ANY_SEND = "*";

  /**
   * Methods a bot calls to run rather than to talk to users; {@link #ANY_SEND} never matches them.
   */
  private static final Set<String> NOT_SENDS =
      Set.of(
          "getupdates",
          "deletewebhook",
          "setwebhook",
          "getme",
          "setmycommands",
          "deletemycommands",
          "getmycommands",
          "setmydescription",
          "setmyshortdescription",
          "setmyname",
          "setchatmenubutton");

  private static final String BLOCKED = "Forbidden: bot was blocked by the user";
  private static final String CONFLICT =
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

  private final List<Rule> rules = new ArrayList<>(); // guarded by this
  private final Set<String> blockedChats = ConcurrentHashMap.newKeySet();
  private volatile boolean conflict;
  private volatile Duration sendLatency = Duration.ZERO;

  static String normalize(String method) {
    return method.toLowerCase(Locale.ROOT);
  }

  static boolean isSend(String method) {
    return !NOT_SENDS.contains(normalize(method));
  }

  synchronized void next(String method, int times, BotApiReply reply) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    rules.add(new Rule(normalize(method), times, reply));
  }

  synchronized void clearArmed() {
    rules.clear();
  }

  void block(String chatId, boolean blocked) {
    if (blocked) {
      blockedChats.add(chatId);
    } else {
      blockedChats.remove(chatId);
    }
  }

  void conflict(boolean on) {
    conflict = on;
  }

  void sendLatency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    sendLatency = latency;
  }

  Duration sendLatency() {
    return sendLatency;
  }

  /** The failure to answer instead of the real result, consuming one use of an armed rule. */
  Optional<BotApiReply> intercept(String method, String chatId) {
    String name = normalize(method);
    if (name.equals("getupdates") && conflict) {
      return Optional.of(BotApiReply.error(409, CONFLICT));
    }
    Optional<BotApiReply> armed = takeRule(name);
    if (armed.isPresent()) {
      return armed;
    }
    if (chatId != null && isSend(name) && blockedChats.contains(chatId)) {
      return Optional.of(BotApiReply.error(403, BLOCKED));
    }
    return Optional.empty();
  }

  private synchronized Optional<BotApiReply> takeRule(String method) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.matches(method)) {
        if (--rule.remaining == 0) {
          it.remove();
        }
        return Optional.of(rule.reply);
      }
    }
    return Optional.empty();
  }

  private static final class Rule {
    final String method;
    final BotApiReply reply;
    int remaining;

    Rule(String method, int remaining, BotApiReply reply) {
      this.method = method;
      this.remaining = remaining;
      this.reply = reply;
    }

    boolean matches(String name) {
      return method.equals(name) || (method.equals(ANY_SEND) && isSend(name));
    }
  }
}
