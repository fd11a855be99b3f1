package io.teleglas.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MaskingJsonLayoutTest {
  private static final String TOKEN = "7123456789:abcdefghijklmnopqrstuvwxyz0123456789";

  private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
  private final MaskingJsonLayout layout = new MaskingJsonLayout();

  @Test
  void writesOneJsonObjectPerLineWithTheFields() throws Exception {
    String line = layout.doLayout(event("source {} connected", null, "binance"));

    assertThat(line).endsWith(System.lineSeparator());
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("logger").asText()).isEqualTo("sources");
    assertThat(json.get("msg").asText()).isEqualTo("source binance connected");
    assertThat(json.get("ts").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(json.has("error")).isFalse();
  }

  @Test
  void masksSecretsInTheMessageAndTheStackTrace() throws Exception {
    String line =
        layout.doLayout(
            event(
                "POST /bot{}/sendMessage failed",
                new IllegalStateException("token " + TOKEN + " rejected"),
                TOKEN));

    assertThat(line).doesNotContain(TOKEN).contains("[REDACTED]");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("error").asText()).contains("IllegalStateException").doesNotContain(TOKEN);
  }

  private LoggingEvent event(String message, Throwable error, Object arg) {
    LoggingEvent event =
        new LoggingEvent(
            "x", context.getLogger("sources"), Level.INFO, message, error, new Object[] {arg});
    event.setTimeStamp(java.time.Instant.parse("2026-11-21T10:00:00Z").toEpochMilli());
    event.setThreadName("main");
    return event;
  }
}
