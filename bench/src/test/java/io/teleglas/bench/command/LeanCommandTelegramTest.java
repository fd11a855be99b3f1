package io.teleglas.bench.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lean fake speaks the Bot API as the bench needs it; all traffic is on 127.0.0.1. */
class LeanCommandTelegramTest {
  private static final String TOKEN = "4242:lean-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LeanCommandTelegram telegram = LeanCommandTelegram.start(TOKEN);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() {
    telegram.close();
  }

  @Test
  void aHeldPollIsAnsweredByTheNextUpdateAndConfirmedByOffset() throws Exception {
    CompletableFuture<HttpResponse<String>> poll =
        postAsync("getUpdates", Map.of("offset", 0, "limit", 100, "timeout", 50));
    awaitPolls(1);
    assertThat(poll).isNotDone();

    telegram.sendText(7, "/raw BTC");

    JsonNode updates = JSON.readTree(poll.get(5, TimeUnit.SECONDS).body()).path("result");
    assertThat(updates).hasSize(1);
    JsonNode message = updates.get(0).path("message");
    assertThat(message.path("text").asText()).isEqualTo("/raw BTC");
    assertThat(message.path("chat").path("id").asLong()).isEqualTo(7);
    assertThat(message.path("entities").get(0).path("length").asInt()).isEqualTo(4);

    long next = updates.get(0).path("update_id").asLong() + 1;
    CompletableFuture<HttpResponse<String>> confirming =
        postAsync("getUpdates", Map.of("offset", next, "timeout", 50));
    awaitPolls(2);
    CommandTelegram.Delivery delivery = telegram.delivery(7).orElseThrow();
    assertThat(delivery.queuedNanos()).isLessThanOrEqualTo(delivery.answeredNanos());
    assertThat(delivery.answeredNanos()).isLessThanOrEqualTo(delivery.nextPollNanos());
    assertThat(telegram.delivery(8)).isEmpty();
    telegram.sendText(8, "/help");
    JsonNode after = JSON.readTree(confirming.get(5, TimeUnit.SECONDS).body()).path("result");
    assertThat(after).hasSize(1);
    assertThat(after.get(0).path("update_id").asLong()).isEqualTo(next);
    assertThat(after.get(0).path("message").path("text").asText()).isEqualTo("/help");
  }

  @Test
  void aSendIsRecordedWithItsArrivalAndAnsweredWithAMessage() throws Exception {
    long before = System.nanoTime();
    JsonNode answer =
        post(
            "sendMessage", Map.of("chat_id", 7, "text", "<b>#BTC</b> &amp;", "parse_mode", "HTML"));

    assertThat(answer.path("ok").asBoolean()).isTrue();
    assertThat(answer.path("result").path("message_id").asInt()).isEqualTo(1);
    assertThat(answer.path("result").path("text").asText()).isEqualTo("#BTC &");
    CommandTelegram.Sent sent = telegram.awaitSent(7, 0, Duration.ofSeconds(1));
    assertThat(sent.text()).isEqualTo("<b>#BTC</b> &amp;");
    assertThat(sent.parseMode()).isEqualTo("HTML");
    assertThat(sent.arrivedNanos()).isBetween(before, System.nanoTime());
    JsonNode second = post("sendMessage", Map.of("chat_id", 7, "text", "again"));
    assertThat(second.path("result").path("message_id").asInt()).isEqualTo(2);
    assertThat(telegram.rejected()).isEmpty();
  }

  @Test
  void htmlTelegramCannotParseAndUnknownMethodsAreRejectedAndCounted() throws Exception {
    JsonNode badHtml =
        post("sendMessage", Map.of("chat_id", 7, "text", "<b>open", "parse_mode", "HTML"));
    JsonNode unknown = post("sendChatAction", Map.of("chat_id", 7, "action", "typing"));

    assertThat(badHtml.path("error_code").asInt()).isEqualTo(400);
    assertThat(badHtml.path("description").asText())
        .startsWith("Bad Request: can't parse entities");
    assertThat(unknown.path("error_code").asInt()).isEqualTo(404);
    assertThat(telegram.sentTo(7)).isEmpty();
    assertThat(telegram.rejected()).hasSize(2).containsKey("sendchataction 404 Not Found");
  }

  private void awaitPolls(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (telegram.getUpdatesCount() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(telegram.getUpdatesCount()).isEqualTo(n);
  }

  private JsonNode post(String method, Map<String, Object> params) throws Exception {
    return JSON.readTree(postAsync(method, params).get(5, TimeUnit.SECONDS).body());
  }

  private CompletableFuture<HttpResponse<String>> postAsync(
      String method, Map<String, Object> params) throws IOException {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + TOKEN + "/" + method))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(params)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
