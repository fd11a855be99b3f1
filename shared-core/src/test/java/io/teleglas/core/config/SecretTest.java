package io.teleglas.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void toString_neverShowsTheValue() {
    Secret s = Secret.of("12345678:super-secret-token-value-abcdefghij");

    assertThat(s.toString()).isEqualTo("[REDACTED]");
    assertThat(String.valueOf(Optional.of(s))).doesNotContain("super-secret");
    assertThat(s.reveal()).isEqualTo("12345678:super-secret-token-value-abcdefghij");
  }

  @Test
  void sameAs_comparesValues() {
    assertThat(Secret.of("a-b").sameAs(Secret.of("a-b"))).isTrue();
    assertThat(Secret.of("a-b").sameAs(Secret.of("a-c"))).isFalse();
    assertThat(Secret.of("a-b")).isEqualTo(Secret.of("a-b"));
  }

  @Test
  void of_rejectsBlank() {
    assertThatThrownBy(() -> Secret.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void databaseUrl_masksPasswords() {
    DatabaseUrl url =
        DatabaseUrl.parse("jdbc:postgresql://db:5432/teleglas?user=bot&password=hunter2&ssl=true");
    DatabaseUrl userInfo = DatabaseUrl.parse("jdbc:postgresql://bot:hunter2@db/teleglas");

    assertThat(url.toString())
        .isEqualTo("jdbc:postgresql://db:5432/teleglas?user=bot&password=[REDACTED]&ssl=true");
    assertThat(userInfo.toString()).doesNotContain("hunter2").contains("bot:[REDACTED]@db");
  }

  @Test
  void databaseUrl_rejectsOtherUrls() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://db/x"))
        .hasMessageContaining("jdbc:postgresql://");
    assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
