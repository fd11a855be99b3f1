package io.teleglas.alertbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.MutableClock;
import io.teleglas.core.testing.RecordedCall;
import io.teleglas.core.testing.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;

/**
 * The dispatcher against the fake Bot API on a virtual clock: order, edits, Telegram's errors and
 * the digest, asserted from what the fake recorded.
 */
class DeliveryIT {
  private static final ChatId ALICE = ChatId.of(42);
  private static final ChatId BOB = ChatId.of(43);
  private static final ChatId CHANNEL = ChatId.of(-1001234567890L);

  private DeliveryHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void interleavedAlerts_arriveOncePerChat_inTheOrderTheyWereMade() {
    h = new DeliveryHarness();
    for (int i = 1; i <= 4; i++) {
      h.send(ALICE, "alice " + i);
      h.send(CHANNEL, "channel " + i);
      h.send(BOB, "bob " + i);
    }

    h.drain(Duration.ofSeconds(30));

    assertThat(h.sentTexts(ALICE)).containsExactly("alice 1", "alice 2", "alice 3", "alice 4");
    assertThat(h.sentTexts(BOB)).containsExactly("bob 1", "bob 2", "bob 3", "bob 4");
    assertThat(h.sentTexts(CHANNEL))
        .containsExactly("channel 1", "channel 2", "channel 3", "channel 4");
    assertThat(h.outbox.finished()).allSatisfy(o -> assertThat(o.state()).isEqualTo("delivered"));
    assertThat(h.telegram.sentMessages())
        .allSatisfy(
            m -> {
              assertThat(m.parseMode()).isEqualToIgnoringCase("html");
              assertThat(m.params().path("disable_web_page_preview").asBoolean()).isTrue();
            });
  }

  @Test
  void stormEdits_afterDelivery_becomeOneEditWithTheLatestText() {
    h = new DeliveryHarness();
    h.storm(CHANNEL, MessageKind.SEND, "btc-long", "storm $2M");
    h.drain(Duration.ofSeconds(5));

    h.storm(CHANNEL, MessageKind.EDIT, "btc-long", "storm $3M");
    h.storm(CHANNEL, MessageKind.EDIT, "btc-long", "storm $4M");
    h.drain(Duration.ofSeconds(5));

    assertThat(h.sentTexts(CHANNEL)).containsExactly("storm $2M");
    List<RecordedCall> edits = h.telegram.calls("editMessageText");
    assertThat(edits)
        .singleElement()
        .satisfies(e -> assertThat(e.param("text")).isEqualTo("storm $4M"));
    assertThat(edits.get(0).param("message_id"))
        .isEqualTo(String.valueOf(h.telegram.sentMessages().get(0).messageId()));
  }

  @Test
  void stormEdits_beforeDelivery_becomeOneSendWithTheLatestText() {
    h = new DeliveryHarness();
    h.storm(CHANNEL, MessageKind.SEND, "btc-long", "storm $2M");
    h.storm(CHANNEL, MessageKind.EDIT, "btc-long", "storm $3M");
    h.storm(CHANNEL, MessageKind.EDIT, "btc-long", "storm $4M");

    h.drain(Duration.ofSeconds(5));

    assertThat(h.sentTexts(CHANNEL)).containsExactly("storm $4M");
    assertThat(h.telegram.calls("editMessageText")).isEmpty();
  }

  @Test
  void editOfAVanishedMessage_isSentAsANewMessage_whichLaterEditsChange() throws Exception {
    h = new DeliveryHarness();
    h.storm(CHANNEL, MessageKind.SEND, "eth-short", "storm v1");
    h.drain(Duration.ofSeconds(5));
    int first = h.telegram.sentMessages().get(0).messageId();
    h.client.execute(new DeleteMessage(CHANNEL.value(), first));

    h.storm(CHANNEL, MessageKind.EDIT, "eth-short", "storm v2");
    h.drain(Duration.ofSeconds(5));
    h.storm(CHANNEL, MessageKind.EDIT, "eth-short", "storm v3");
    h.drain(Duration.ofSeconds(5));

    List<SentMessage> sent = h.telegram.sentMessages();
    assertThat(sent).extracting(SentMessage::text).containsExactly("storm v1", "storm v2");
    assertThat(h.outbox.groupMessage(CHANNEL, "eth-short")).contains(sent.get(1).messageId());
    assertThat(h.telegram.calls("editMessageText"))
        .extracting(c -> c.httpStatus() + " " + c.param("message_id") + " " + c.param("text"))
        .containsExactly(
            "400 " + first + " storm v2", "200 " + sent.get(1).messageId() + " storm v3");
  }

  @Test
  void editWithoutADeliveredMessage_isSentAsANewMessage() {
    h = new DeliveryHarness();
    h.storm(ALICE, MessageKind.EDIT, "sol-long", "grew while its first message was merged");

    h.drain(Duration.ofSeconds(5));

    assertThat(h.sentTexts(ALICE)).containsExactly("grew while its first message was merged");
    assertThat(h.outbox.groupMessage(ALICE, "sol-long"))
        .contains(h.telegram.sentMessages().get(0).messageId());
  }

  @Test
  void rateLimitedChat_isNotAskedAgainBeforeRetryAfter_whileOthersGoOn() {
    h = new DeliveryHarness();
    h.telegram.rateLimitNext("sendMessage", 1, 7);
    h.send(ALICE, "alice 1");
    h.send(ALICE, "alice 2");
    h.send(BOB, "bob 1");
    h.send(BOB, "bob 2");

    h.drain(Duration.ofSeconds(30));

    List<RecordedCall> alice = h.callsTo(ALICE);
    assertThat(alice).extracting(RecordedCall::httpStatus).containsExactly(429, 200, 200);
    Instant limited = alice.get(0).receivedAt();
    assertThat(alice.get(1).receivedAt()).isAfterOrEqualTo(limited.plusSeconds(7));
    assertThat(h.sentTexts(ALICE)).containsExactly("alice 1", "alice 2");
    assertThat(h.callsTo(BOB))
        .extracting(RecordedCall::receivedAt)
        .allSatisfy(at -> assertThat(at).isBefore(limited.plusSeconds(7)));
    assertThat(h.registry.counter("teleglas_delivery_retries", "reason", "rate_limited").count())
        .isEqualTo(1);
  }

  @Test
  void rateLimitsOnTwoChats_pauseEveryChat() {
    h = new DeliveryHarness();
    h.telegram.rateLimitNext(FakeTelegramApi.ANY_SEND, 2, 5);
    h.send(ALICE, "alice");
    h.send(BOB, "bob");
    h.send(CHANNEL, "channel");

    h.drain(Duration.ofSeconds(30));

    Instant secondLimit = h.callsTo(BOB).get(0).receivedAt();
    assertThat(h.callsTo(CHANNEL))
        .singleElement()
        .satisfies(c -> assertThat(c.receivedAt()).isAfterOrEqualTo(secondLimit.plusSeconds(5)));
    assertThat(h.telegram.sentMessages()).hasSize(3);
  }

  @Test
  void thirtySecondOutage_thenEveryAlertDeliveredOnce_inOrder() {
    MutableClock clock = new MutableClock(DeliveryHarness.START);
    Outage outage = new Outage(clock, DeliveryHarness.START.plusSeconds(30));
    h = new DeliveryHarness(DeliverySettings.defaults(), clock, outage);
    h.send(ALICE, "alice 1");
    h.send(BOB, "bob 1");
    h.runFor(Duration.ofSeconds(10));
    h.send(ALICE, "alice 2");
    h.runFor(Duration.ofSeconds(10));
    h.send(BOB, "bob 2");

    h.drain(Duration.ofSeconds(120));

    assertThat(h.sentTexts(ALICE)).containsExactly("alice 1", "alice 2");
    assertThat(h.sentTexts(BOB)).containsExactly("bob 1", "bob 2");
    assertThat(h.telegram.calls()).hasSize(4);
    assertThat(outage.refused()).hasSizeBetween(2, 12);
    assertThat(h.outbox.finished()).extracting(o -> o.state()).containsOnly("delivered");
    assertThat(h.listener.delivered).hasSize(4);
  }

  @Test
  void limits_areNeverExceeded_perChat_perChannel_orOverall() {
    h = new DeliveryHarness(DeliveryHarness.withoutDigests());
    List<ChatId> users = IntStream.rangeClosed(1, 40).mapToObj(i -> ChatId.of(1000 + i)).toList();
    for (int round = 1; round <= 3; round++) {
      for (ChatId user : users) {
        h.send(user, "to " + user + " #" + round);
      }
    }
    for (int i = 1; i <= 25; i++) {
      h.send(CHANNEL, "channel #" + i);
    }

    h.drain(Duration.ofMinutes(3));

    List<RecordedCall> calls = h.telegram.calls();
    assertThat(calls).hasSize(40 * 3 + 25);
    assertThat(maxInWindow(times(calls), Duration.ofSeconds(1))).isLessThanOrEqualTo(30);
    List<Instant> channel = times(h.callsTo(CHANNEL));
    assertThat(maxInWindow(channel, Duration.ofMinutes(1))).isEqualTo(20);
    assertThat(channel.get(20)).isEqualTo(channel.get(0).plusSeconds(60));
    for (ChatId chat : concat(users, CHANNEL)) {
      List<Instant> at = times(h.callsTo(chat));
      for (int i = 1; i < at.size(); i++) {
        assertThat(Duration.between(at.get(i - 1), at.get(i)))
            .as("spacing of %s", chat)
            .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      }
    }
  }

  @Test
  void htmlTelegramRejects_isDeliveredAsPlainText() {
    h = new DeliveryHarness();
    String html = "<b>BTC</b> long liquidated <i>$1.2M";
    h.send(ALICE, html);

    h.drain(Duration.ofSeconds(10));

    assertThat(h.callsTo(ALICE)).extracting(RecordedCall::httpStatus).containsExactly(400, 200);
    SentMessage sent = h.telegram.sentMessages().get(0);
    assertThat(sent.text())
        .isEqualTo(Html.toPlainText(html))
        .isEqualTo("BTC long liquidated $1.2M");
    assertThat(sent.parseMode()).isNull();
    assertThat(h.registry.counter("teleglas_delivery_sent", "kind", "plain").count()).isEqualTo(1);
  }

  @Test
  void blockedUser_isReportedOnce_andItsEntriesFailWithoutRetries() {
    h = new DeliveryHarness();
    ChatId blocked = ChatId.of(99);
    h.telegram.blockedUser(99);
    h.send(blocked, "first");
    h.send(blocked, "second");
    h.send(ALICE, "unaffected");

    h.drain(Duration.ofSeconds(10));
    h.runFor(Duration.ofMinutes(2));

    assertThat(h.callsTo(blocked))
        .singleElement()
        .satisfies(c -> assertThat(c.httpStatus()).isEqualTo(403));
    assertThat(h.listener.unreachable)
        .containsExactly("99: 403 Forbidden: bot was blocked by the user");
    assertThat(h.outbox.finished())
        .filteredOn(o -> o.message().chat().equals(blocked))
        .extracting(o -> o.state() + " " + o.message().html())
        .containsExactly("failed first", "failed second");
    assertThat(h.listener.gaveUp).hasSize(2);
    assertThat(h.sentTexts(ALICE)).containsExactly("unaffected");
  }

  @Test
  void otherRefusal_failsTheEntryWithTelegramsDescription_andTheChatGoesOn() {
    h = new DeliveryHarness();
    h.telegram.failNext("sendMessage", 1, 400, "Bad Request: message is too long");
    h.send(ALICE, "too long, says Telegram");
    h.send(ALICE, "next");

    h.drain(Duration.ofSeconds(10));

    assertThat(h.outbox.finished())
        .extracting(o -> o.state() + " " + o.reason())
        .containsExactly("failed 400 Bad Request: message is too long", "delivered ");
    assertThat(h.sentTexts(ALICE)).containsExactly("next");
    assertThat(h.listener.unreachable).isEmpty();
  }

  @Test
  void largeChannelBacklog_becomesOneDigest_withEverySummaryInOrder() {
    h = new DeliveryHarness();
    for (int i = 1; i <= 30; i++) {
      h.send(CHANNEL, "alert " + i);
    }

    h.drain(Duration.ofSeconds(10));

    assertThat(h.telegram.sentMessages()).singleElement();
    String digest = h.sentTexts(CHANNEL).get(0);
    assertThat(digest).startsWith("⚡ <b>30 alerts</b>");
    List<Integer> positions = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      positions.add(
          digest.indexOf("summary of alert " + i + "\n") >= 0
              ? digest.indexOf("summary of alert " + i + "\n")
              : digest.indexOf("summary of alert " + i, digest.length() - 30));
    }
    assertThat(positions).doesNotContain(-1).isSorted();
    assertThat(h.outbox.stats().merged()).isEqualTo(29);
    assertThat(h.registry.counter("teleglas_delivery_digests").count()).isEqualTo(1);
  }

  @Test
  void backlogGrowingBehindADigest_isFoldedIntoIt_andOrderHolds() {
    h = new DeliveryHarness();
    h.telegram.rateLimitNext("sendMessage", 1, 30);
    h.send(CHANNEL, "first");
    h.round();
    for (int i = 1; i <= 4; i++) {
      h.send(CHANNEL, "storm " + i);
    }
    h.round();
    h.clock.advance(Duration.ofSeconds(5));
    h.send(CHANNEL, "late 1");
    h.send(CHANNEL, "late 2");

    h.drain(Duration.ofMinutes(1));

    List<String> sent = h.sentTexts(CHANNEL);
    assertThat(sent).singleElement().asString().startsWith("⚡ <b>7 alerts</b>");
    String digest = sent.get(0);
    assertThat(digest)
        .containsSubsequence(
            "summary of first",
            "summary of storm 1",
            "summary of storm 4",
            "summary of late 1",
            "summary of late 2");
  }

  private static List<Instant> times(List<RecordedCall> calls) {
    return calls.stream().map(RecordedCall::receivedAt).toList();
  }

  private static int maxInWindow(List<Instant> sorted, Duration window) {
    int max = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (!sorted.get(start).plus(window).isAfter(sorted.get(end))) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }

  private static List<ChatId> concat(List<ChatId> chats, ChatId one) {
    List<ChatId> all = new ArrayList<>(chats);
    all.add(one);
    return all;
  }
}
