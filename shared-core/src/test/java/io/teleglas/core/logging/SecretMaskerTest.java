package io.teleglas.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  private static final String TOKEN = "7123456789:abcdefghijklmnopqrstuvwxyz0123456789";

  @Test
  void mask_removesTelegramTokensFromUrlsAndText() {
    String line =
        "Error executing query: http://127.0.0.1:9000/bot"
            + TOKEN
            + "/getupdates failed; token "
            + TOKEN;

    String masked = SecretMasker.mask(line);

    assertThat(masked)
        .doesNotContain("abcdefghijklmnop")
        .contains("http://127.0.0.1:9000/bot[REDACTED]/getupdates")
        .endsWith("token [REDACTED]");
  }

  @Test
  void mask_removesShortTestTokensInBotPaths() {
    assertThat(SecretMasker.mask("POST /bot123:ABC/sendmessage"))
        .isEqualTo("POST /bot[REDACTED]/sendmessage");
  }

  @Test
  void mask_removesCoinglassKeysAndPasswords() {
    assertThat(SecretMasker.mask("wss://open-ws.coinglass.com/ws-api?cg-api-key=0123abcd&x=1"))
        .isEqualTo("wss://open-ws.coinglass.com/ws-api?cg-api-key=[REDACTED]&x=1");
    assertThat(SecretMasker.mask("header CG-API-KEY: 0123abcd sent"))
        .isEqualTo("header CG-API-KEY: [REDACTED] sent");
    assertThat(SecretMasker.mask("jdbc:postgresql://db/x?user=a&password=hunter2"))
        .isEqualTo("jdbc:postgresql://db/x?user=a&password=[REDACTED]");
  }

  @Test
  void mask_leavesOrdinaryTextAlone() {
    String text = "BTC long liquidation $1.2M at 12:30:01 on Binance (botanical /robots)";
    assertThat(SecretMasker.mask(text)).isEqualTo(text);
    assertThat(SecretMasker.mask("")).isEmpty();
    assertThat(SecretMasker.mask(null)).isNull();
  }

  @Test
  void layout_masksMessageAndStackTrace() {
    LoggerContext context = new LoggerContext();
    MaskingPatternLayout layout = new MaskingPatternLayout();
    layout.setContext(context);
    layout.setPattern("%msg%n%ex");
    layout.start();
    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger("test"),
            Level.ERROR,
            "calling /bot{}/sendmessage",
            new IllegalStateException("url /bot" + TOKEN + "/getme"),
            new Object[] {TOKEN});

    String out = layout.doLayout(event);

    assertThat(out)
        .contains("calling /bot[REDACTED]/sendmessage")
        .contains("IllegalStateException: url /bot[REDACTED]/getme")
        .doesNotContain("abcdefghijklmnop");
  }
}
