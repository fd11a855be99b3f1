package io.teleglas.alertbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class SendPathWarmUpTest {

  @Test
  void readsEveryCannedAnswerAsTelegramMeansIt() {
    assertThat(SendPathWarmUp.run(Clock.systemUTC())).isTrue();
  }

  @Test
  void cannedRateLimitIsTheShapeTheSenderHonours() {
    SendMessage send = SendMessage.builder().chatId("-1001000000000").text("x").build();
    try {
      send.deserializeResponse(SendPathWarmUp.RATE_LIMITED_ANSWER);
    } catch (TelegramApiRequestException e) {
      assertThat(TelegramSender.classify(e))
          .isInstanceOf(SendOutcome.RateLimited.class)
          .extracting(o -> ((SendOutcome.RateLimited) o).retryAfter().toSeconds())
          .isEqualTo(1L);
      return;
    } catch (Exception e) {
      throw new AssertionError("expected a request exception, got " + e, e);
    }
    throw new AssertionError("a 429 answer was read as a success");
  }
}
