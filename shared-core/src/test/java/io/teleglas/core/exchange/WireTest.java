package io.teleglas.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireTest {
  record Row(Double price, Long time, String venueName) {}

  private final ObjectMapper shared =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  private final ObjectMapper lenient = Wire.lenient(shared);

  private Row read(String json) throws Exception {
    return lenient.readValue(json, Row.class);
  }

  @Test
  void lenient_readsNumbersFromStringsAndNumbersAlike() throws Exception {
    assertThat(read("{\"price\":\"0.00038246\",\"time\":\"1597370495002\"}"))
        .isEqualTo(new Row(0.00038246, 1597370495002L, null));
    assertThat(read("{\"price\":64405.5,\"time\":1597370495002}"))
        .isEqualTo(new Row(64405.5, 1597370495002L, null));
  }

  @Test
  void lenient_readsEmptyStringsAsAbsentNotZero() throws Exception {
    assertThat(read("{\"price\":\"\",\"time\":\" \"}")).isEqualTo(new Row(null, null, null));
  }

  @Test
  void lenient_rejectsWordsWhereNumbersBelong() {
    assertThatThrownBy(() -> read("{\"price\":\"n/a\"}")).isInstanceOf(Exception.class);
    assertThatThrownBy(() -> read("{\"time\":\"12.5\"}")).isInstanceOf(Exception.class);
    assertThatThrownBy(() -> read("{\"price\":true}")).isInstanceOf(Exception.class);
  }

  @Test
  void lenient_ignoresUnknownFieldsAndKeepsCamelCaseWhateverTheSharedMapperSays() throws Exception {
    assertThat(read("{\"venueName\":\"OKX\",\"extra\":{\"a\":1}}"))
        .isEqualTo(new Row(null, null, "OKX"));
    assertThat(shared.getPropertyNamingStrategy()).isEqualTo(PropertyNamingStrategies.SNAKE_CASE);
  }

  @Test
  void required_refusesMissingAndNonFiniteValues() {
    assertThat(Wire.required(1.5, "p")).isEqualTo(1.5);
    assertThatThrownBy(() -> Wire.required(null, "lastPrice"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("lastPrice");
    assertThatThrownBy(() -> Wire.required(Double.NaN, "p"))
        .isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> Wire.required(Double.POSITIVE_INFINITY, "p"))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void optional_isEmptyOnlyWhenAbsent() {
    assertThat(Wire.optional(null, "p")).isEmpty();
    assertThat(Wire.optional(0.0, "p")).hasValue(0.0);
    assertThatThrownBy(() -> Wire.optional(Double.NaN, "p"))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void instant_refusesMissingAndZeroTimes() {
    assertThat(Wire.instant(1597026383085L, "ts")).isEqualTo(Instant.ofEpochMilli(1597026383085L));
    assertThatThrownBy(() -> Wire.instant(null, "ts")).isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> Wire.instant(0L, "ts")).isInstanceOf(WireFormatException.class);
  }

  @Test
  void parse_readsTableCellsAndRefusesGarbage() {
    assertThat(Wire.parse(" 1.25 ", "ratio")).isEqualTo(1.25);
    assertThatThrownBy(() -> Wire.parse("", "ratio")).isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> Wire.parse("x", "ratio")).isInstanceOf(WireFormatException.class);
  }
}
