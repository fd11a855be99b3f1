package io.teleglas.alertbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.core.telegram.ChatId;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JdbcOutbox} must do, whichever database is behind it. */
abstract class OutboxContract {
  static final ChatId CHANNEL = new ChatId("-1001234567890");
  static final ChatId USER = ChatId.of(42);
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant FAR = T0.plus(Duration.ofDays(1));

  private StoreUnderTest store;
  private Database db;
  private JdbcOutbox outbox;

  /** A new, empty store for one test. */
  abstract StoreUnderTest newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
    db = store.open();
    outbox = new JdbcOutbox(db);
  }

  @AfterEach
  void closeStore() {
    db.close();
  }

  private void reopen() throws Exception {
    db.close();
    db = store.open();
    outbox = new JdbcOutbox(db);
  }

  static OutboundMessage send(ChatId chat, String text) {
    return new OutboundMessage(
        chat, MessageKind.SEND, Optional.empty(), "<b>" + text + "</b>", text, T0);
  }

  static OutboundMessage grouped(MessageKind kind, ChatId chat, String group, String text) {
    return new OutboundMessage(chat, kind, Optional.of(group), "<b>" + text + "</b>", text, T0);
  }

  private static List<Long> ids(List<OutboxEntry> entries) {
    return entries.stream().map(OutboxEntry::id).toList();
  }

  private static List<String> summaries(List<OutboxEntry> entries) {
    return entries.stream().map(e -> e.message().summary()).toList();
  }

  @Test
  void add_idsAscendInInsertionOrderAndDueListsThemOldestFirst() {
    long a = outbox.add(send(CHANNEL, "a"));
    long b = outbox.add(send(USER, "b"));
    long c = outbox.add(send(CHANNEL, "c"));

    assertThat(a).isLessThan(b);
    assertThat(b).isLessThan(c);
    List<OutboxEntry> due = outbox.due(T0, 10);
    assertThat(ids(due)).containsExactly(a, b, c);
    assertThat(due.get(1).message()).isEqualTo(send(USER, "b"));
    assertThat(due.get(1).attempts()).isZero();
    assertThat(ids(outbox.due(T0, 2))).containsExactly(a, b);
    assertThat(ids(outbox.pending(CHANNEL))).containsExactly(a, c);
  }

  @Test
  void add_aKnownDedupKey_isStoredOnceWhetherPendingOrDelivered() {
    long first = outbox.add(send(CHANNEL, "BTC long $2M").withDedupKey("channel|BTC#1"));
    long unkeyed = outbox.add(send(CHANNEL, "BTC long $2M"));
    long again = outbox.add(send(CHANNEL, "BTC long $2M").withDedupKey("channel|BTC#1"));

    assertThat(again).isEqualTo(first);
    assertThat(unkeyed).isNotEqualTo(first);
    assertThat(ids(outbox.pending(CHANNEL))).containsExactly(first, unkeyed);

    outbox.markDelivered(first, OptionalInt.of(77), T0);
    long afterDelivery = outbox.add(send(CHANNEL, "BTC long $2M").withDedupKey("channel|BTC#1"));
    long otherKey = outbox.add(send(CHANNEL, "ETH short $1M").withDedupKey("channel|ETH#1"));

    assertThat(afterDelivery).isEqualTo(first);
    assertThat(ids(outbox.pending(CHANNEL))).containsExactly(unkeyed, otherKey);
  }

  @Test
  void add_editOfAGroupWithAPendingSend_replacesTheSendsTextAndKeepsItASend() {
    long first = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-1", "3 liquidations"));
    long other = outbox.add(send(CHANNEL, "unrelated"));

    long edit = outbox.add(grouped(MessageKind.EDIT, CHANNEL, "storm-1", "5 liquidations"));

    assertThat(edit).isEqualTo(first);
    List<OutboxEntry> pending = outbox.pending(CHANNEL);
    assertThat(ids(pending)).containsExactly(first, other);
    assertThat(pending.get(0).message().kind()).isEqualTo(MessageKind.SEND);
    assertThat(pending.get(0).message().summary()).isEqualTo("5 liquidations");
  }

  @Test
  void add_editAfterDelivery_isANewEditThatLaterEditsReplace() {
    long first = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-1", "3"));
    outbox.markDelivered(first, OptionalInt.of(77), T0);

    long edit = outbox.add(grouped(MessageKind.EDIT, CHANNEL, "storm-1", "5"));
    long again = outbox.add(grouped(MessageKind.EDIT, CHANNEL, "storm-1", "8"));

    assertThat(edit).isGreaterThan(first);
    assertThat(again).isEqualTo(edit);
    List<OutboxEntry> pending = outbox.pending(CHANNEL);
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).message().kind()).isEqualTo(MessageKind.EDIT);
    assertThat(pending.get(0).message().summary()).isEqualTo("8");
  }

  @Test
  void add_editsCoalesceOnlyWithinTheirOwnChatAndGroup() {
    long storm1 = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-1", "a"));
    long otherChat = outbox.add(grouped(MessageKind.EDIT, USER, "storm-1", "b"));
    long otherGroup = outbox.add(grouped(MessageKind.EDIT, CHANNEL, "storm-2", "c"));

    assertThat(List.of(storm1, otherChat, otherGroup)).doesNotHaveDuplicates();
    assertThat(outbox.due(T0, 10)).hasSize(3);
  }

  @Test
  void markDelivered_recordsTheGroupsMessageOnlyForGroupedEntriesWithAMessageId() {
    long grouped = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-1", "a"));
    long plain = outbox.add(send(CHANNEL, "b"));
    long noId = outbox.add(grouped(MessageKind.SEND, USER, "storm-1", "c"));
    assertThat(outbox.groupMessage(CHANNEL, "storm-1")).isEmpty();

    outbox.markDelivered(grouped, OptionalInt.of(77), T0);
    outbox.markDelivered(plain, OptionalInt.of(78), T0);
    outbox.markDelivered(noId, OptionalInt.empty(), T0);

    assertThat(outbox.groupMessage(CHANNEL, "storm-1")).contains(77);
    assertThat(outbox.groupMessage(USER, "storm-1")).isEmpty();
    assertThat(outbox.due(FAR, 10)).isEmpty();
    assertThat(outbox.stats().delivered()).isEqualTo(3);
  }

  @Test
  void markDelivered_twiceCountsOnce() {
    long id = outbox.add(send(CHANNEL, "a"));
    outbox.markDelivered(id, OptionalInt.of(5), T0);
    outbox.markDelivered(id, OptionalInt.of(5), T0);

    assertThat(outbox.stats().delivered()).isEqualTo(1);
  }

  @Test
  void markDelivered_ofAnUnknownId_isRefused() {
    assertThatThrownBy(() -> outbox.markDelivered(999, OptionalInt.empty(), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
  }

  @Test
  void markDelivered_afterTheTextWasReplacedInFlight_queuesTheNewTextAsAnEdit() {
    long first = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-1", "3"));
    assertThat(ids(outbox.due(T0, 10))).containsExactly(first);
    assertThat(outbox.add(grouped(MessageKind.EDIT, CHANNEL, "storm-1", "5"))).isEqualTo(first);

    outbox.markDelivered(first, OptionalInt.of(77), T0);

    List<OutboxEntry> pending = outbox.pending(CHANNEL);
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).id()).isGreaterThan(first);
    assertThat(pending.get(0).message().kind()).isEqualTo(MessageKind.EDIT);
    assertThat(pending.get(0).message().summary()).isEqualTo("5");
    assertThat(outbox.groupMessage(CHANNEL, "storm-1")).contains(77);
  }

  @Test
  void markDelivered_ofTheTextDueHandedOut_queuesNothingMore() {
    long first = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-1", "3"));
    outbox.add(grouped(MessageKind.EDIT, CHANNEL, "storm-1", "5"));
    assertThat(summaries(outbox.due(T0, 10))).containsExactly("5");

    outbox.markDelivered(first, OptionalInt.of(77), T0);

    assertThat(outbox.pending(CHANNEL)).isEmpty();
  }

  @Test
  void retryLater_countsTheAttemptAndHidesTheEntryUntilNotBefore() {
    long id = outbox.add(send(CHANNEL, "a"));
    Instant later = T0.plusSeconds(30);

    outbox.retryLater(id, later, "429 Too Many Requests: retry after 30");

    assertThat(outbox.due(later.minusMillis(1), 10)).isEmpty();
    OutboxEntry entry = outbox.due(later, 10).get(0);
    assertThat(entry.id()).isEqualTo(id);
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(entry.notBefore()).isEqualTo(later);
    assertThat(outbox.pending(CHANNEL)).hasSize(1);
    outbox.retryLater(id, later.plusSeconds(60), "timeout");
    assertThat(outbox.pending(CHANNEL).get(0).attempts()).isEqualTo(2);
  }

  @Test
  void markFailed_takesTheEntryOutForGood() {
    long failed = outbox.add(send(CHANNEL, "a"));
    long kept = outbox.add(send(CHANNEL, "b"));

    outbox.markFailed(failed, "400 Bad Request: can't parse entities", T0);

    assertThat(ids(outbox.due(FAR, 10))).containsExactly(kept);
    assertThat(outbox.stats().failed()).isEqualTo(1);
    outbox.retryLater(failed, FAR, "late retry of a failed entry");
    assertThat(ids(outbox.due(FAR, 10))).containsExactly(kept);
  }

  @Test
  void mergeIntoDigest_givesTheOldestTheDigestAndMarksTheOthersMerged() {
    long a = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-1", "a"));
    long b = outbox.add(send(CHANNEL, "b"));
    long c = outbox.add(send(CHANNEL, "c"));
    long d = outbox.add(send(CHANNEL, "d"));
    OutboundMessage digest = send(CHANNEL, "digest of a, b, c");

    long carrier = outbox.mergeIntoDigest(List.of(c, a, b), digest);

    assertThat(carrier).isEqualTo(a);
    List<OutboxEntry> pending = outbox.pending(CHANNEL);
    assertThat(ids(pending)).containsExactly(a, d);
    assertThat(pending.get(0).message().summary()).isEqualTo("digest of a, b, c");
    assertThat(pending.get(0).message().groupKey()).isEmpty();
    assertThat(outbox.stats().merged()).isEqualTo(2);
    long edit = outbox.add(grouped(MessageKind.EDIT, CHANNEL, "storm-1", "a2"));
    assertThat(edit).isGreaterThan(d);
  }

  @Test
  void mergeIntoDigest_withAnUnfitId_changesNothing() {
    long a = outbox.add(send(CHANNEL, "a"));
    long delivered = outbox.add(send(CHANNEL, "b"));
    outbox.markDelivered(delivered, OptionalInt.of(9), T0);
    long otherChat = outbox.add(send(USER, "c"));
    long edit = outbox.add(grouped(MessageKind.EDIT, CHANNEL, "storm-1", "d"));
    OutboundMessage digest = send(CHANNEL, "digest");

    for (List<Long> ids :
        List.of(List.of(a, delivered), List.of(a, otherChat), List.of(a, edit), List.of(a, 999L))) {
      assertThatThrownBy(() -> outbox.mergeIntoDigest(ids, digest))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(String.valueOf(ids.get(1)));
    }
    assertThatThrownBy(() -> outbox.mergeIntoDigest(List.of(), digest))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(summaries(outbox.due(T0, 10))).containsExactly("a", "c", "d");
    assertThat(outbox.stats().merged()).isZero();
  }

  @Test
  void stats_countPendingAndTotalsAndTheOldestPendingTime() {
    assertThat(outbox.stats()).isEqualTo(new OutboxStats(0, Optional.empty(), 0, 0, 0));
    Instant older = T0.minusSeconds(90);
    long a = outbox.add(send(CHANNEL, "a"));
    outbox.add(
        new OutboundMessage(CHANNEL, MessageKind.SEND, Optional.empty(), "<b>b</b>", "b", older));
    long c = outbox.add(send(CHANNEL, "c"));
    long d = outbox.add(send(CHANNEL, "d"));
    long e = outbox.add(send(CHANNEL, "e"));
    outbox.markDelivered(a, OptionalInt.of(1), T0);
    outbox.markFailed(c, "chat not found", T0);
    outbox.mergeIntoDigest(List.of(d, e), send(CHANNEL, "digest"));

    assertThat(outbox.stats()).isEqualTo(new OutboxStats(2, Optional.of(older), 1, 1, 1));
  }

  @Test
  void purgeDelivered_dropsOldFinishedEntriesButKeepsPendingOnesAndTheTotals() {
    long old = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-old", "old"));
    long failed = outbox.add(send(CHANNEL, "failed"));
    long recent = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-new", "recent"));
    long pending = outbox.add(send(CHANNEL, "pending"));
    outbox.markDelivered(old, OptionalInt.of(1), T0);
    outbox.markFailed(failed, "blocked", T0);
    outbox.markDelivered(recent, OptionalInt.of(2), T0.plus(Duration.ofDays(8)));

    int purged = outbox.purgeDelivered(T0.plus(Duration.ofDays(7)));

    assertThat(purged).isEqualTo(2);
    assertThat(ids(outbox.pending(CHANNEL))).containsExactly(pending);
    assertThat(outbox.groupMessage(CHANNEL, "storm-old")).isEmpty();
    assertThat(outbox.groupMessage(CHANNEL, "storm-new")).contains(2);
    assertThat(outbox.stats()).isEqualTo(new OutboxStats(1, Optional.of(T0), 2, 1, 0));
    assertThat(outbox.purgeDelivered(T0.plus(Duration.ofDays(7)))).isZero();
    assertThat(outbox.add(send(CHANNEL, "next"))).isGreaterThan(pending);
  }

  @Test
  void reopen_keepsPendingEntriesGroupMessagesAndTotals() throws Exception {
    long delivered = outbox.add(grouped(MessageKind.SEND, CHANNEL, "storm-1", "a"));
    outbox.markDelivered(delivered, OptionalInt.of(77), T0);
    long pending = outbox.add(grouped(MessageKind.EDIT, CHANNEL, "storm-1", "b"));
    outbox.retryLater(pending, T0.plusSeconds(5), "timeout");

    reopen();

    List<OutboxEntry> due = outbox.due(FAR, 10);
    assertThat(ids(due)).containsExactly(pending);
    assertThat(due.get(0).attempts()).isEqualTo(1);
    assertThat(due.get(0).message()).isEqualTo(grouped(MessageKind.EDIT, CHANNEL, "storm-1", "b"));
    assertThat(outbox.groupMessage(CHANNEL, "storm-1")).contains(77);
    assertThat(outbox.stats().delivered()).isEqualTo(1);
    assertThat(outbox.add(send(CHANNEL, "c"))).isGreaterThan(pending);
  }

  @Test
  void reopen_doesNotApplyTheMigrationsAgain() throws Exception {
    reopen();
    reopen();

    int applied =
        db.inTransaction(
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet r =
                      s.executeQuery(
                          "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE"
                              + " AND version IS NOT NULL")) {
                r.next();
                return r.getInt(1);
              }
            });
    assertThat(applied).as("V1 and V2, each once").isEqualTo(2);
  }

  @Test
  void add_fromFourThreads_losesNothingAndKeepsEachThreadsOrder() throws Exception {
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<Long>>> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        ChatId chat = ChatId.of(100 + t);
        writers.add(
            () -> {
              List<Long> ids = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                ids.add(outbox.add(send(chat, "m" + i)));
              }
              return ids;
            });
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> done : pool.invokeAll(writers)) {
        List<Long> ids = done.get();
        assertThat(ids).isSorted();
        all.addAll(ids);
      }
      assertThat(all).hasSize(4 * perThread).doesNotHaveDuplicates();
      List<Long> due = ids(outbox.due(T0, 1000));
      Collections.sort(all);
      assertThat(due).isEqualTo(all);
      for (int t = 0; t < 4; t++) {
        assertThat(summaries(outbox.pending(ChatId.of(100 + t))))
            .containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, perThread).mapToObj(i -> "m" + i).toList());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
