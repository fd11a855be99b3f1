package io.teleglas.alertbot.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.stream.Decoded;
import io.teleglas.alertbot.stream.StreamProtocol;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every venue's decoder must survive: each bad frame gives INVALID with a short reason and
 * never an exception. A venue test extends this and supplies a good data frame and a frame of a
 * channel it does not know.
 */
public abstract class DecoderRobustness {

  protected static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

  protected abstract StreamProtocol protocol();

  /** A documented data frame that decodes to at least one event. */
  protected abstract String dataFrame();

  /** A well-formed frame of a channel or topic the decoder does not handle. */
  protected abstract String unknownChannelFrame();

  protected Decoded decode(String frame) {
    return protocol().decode(frame, RECEIVED);
  }

  private void assertInvalid(String frame) {
    Decoded decoded = decode(frame);
    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.events()).isEmpty();
    assertThat(decoded.error())
        .hasValueSatisfying(e -> assertThat(e).isNotBlank().hasSizeLessThan(400));
  }

  @Test
  void decode_dataFrameGivesEvents() {
    Decoded decoded = decode(dataFrame());

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).isNotEmpty();
    assertThat(decoded.dropped()).isZero();
  }

  @Test
  void decode_nullIsInvalid() {
    assertInvalid(null);
  }

  @Test
  void decode_blankIsInvalid() {
    assertInvalid(" \n");
  }

  @Test
  void decode_garbageIsInvalid() {
    assertInvalid("\u0000\u00ffhello<html>");
  }

  @Test
  void decode_truncatedJsonIsInvalid() {
    String frame = dataFrame();

    assertInvalid(frame.substring(0, frame.length() / 2));
  }

  @Test
  void decode_trailingTextAfterJsonIsInvalid() {
    assertInvalid(dataFrame().strip() + " {}");
  }

  @Test
  void decode_emptyObjectIsInvalid() {
    assertInvalid("{}");
  }

  @Test
  void decode_jsonArrayIsInvalid() {
    assertInvalid("[" + dataFrame() + "]");
  }

  @Test
  void decode_unknownChannelIsInvalid() {
    assertInvalid(unknownChannelFrame());
  }

  @Test
  void decode_megabyteOfGarbageIsInvalid() {
    assertInvalid("x".repeat(1 << 20));
  }

  @Test
  void decode_megabyteOfNestingIsInvalid() {
    assertInvalid("[".repeat(1 << 19) + "]".repeat(1 << 19));
  }

  @Test
  void decode_megabyteFrameWithinTheCapIsStillDecoded() {
    String padded =
        dataFrame().strip().replaceFirst("\\{", "{\"pad\":\"" + "x".repeat(1 << 20) + "\",");

    Decoded decoded = decode(padded);

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.DATA);
    assertThat(decoded.events()).isNotEmpty();
  }

  @Test
  void decode_frameOverTheCapIsInvalidUnread() {
    String huge = dataFrame().strip() + " ".repeat(FrameReader.MAX_FRAME_CHARS);

    Decoded decoded = decode(huge);

    assertThat(decoded.kind()).isEqualTo(Decoded.Kind.INVALID);
    assertThat(decoded.error()).hasValueSatisfying(e -> assertThat(e).contains("too large"));
  }
}
