package io.teleglas.alertbot.stream;

import io.teleglas.core.market.MarketEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one text frame from a venue turned out to be: market events (possibly none, e.g. an empty
 * batch), a control frame (subscription ack, pong, heartbeat, info), or a frame that could not be
 * decoded, with the reason. Decoding never throws for bad input.
 *
 * @param events normalized events, in the order the frame listed them
 * @param kind what sort of frame it was
 * @param error why the frame or some of its items were dropped; present for {@link Kind#INVALID}
 *     and for data frames with some unreadable items
 * @param dropped how many items of a data frame were dropped as unreadable
 */
public record Decoded(List<MarketEvent> events, Kind kind, Optional<String> error, int dropped) {

  /** The sort of frame. */
  public enum Kind {
    /** Market data (liquidations, trades). */
    DATA,
    /** Subscription ack, pong or other protocol message without market data. */
    CONTROL,
    /** The venue refused a subscription or reported an error. */
    REJECTED,
    /** Not readable: garbage, truncated JSON, missing or impossible fields. */
    INVALID
  }

  public Decoded {
    events = List.copyOf(events);
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(error, "error is null");
    if (dropped < 0) {
      throw new IllegalArgumentException("dropped < 0");
    }
  }

  public static Decoded data(List<MarketEvent> events) {
    return new Decoded(events, Kind.DATA, Optional.empty(), 0);
  }

  public static Decoded partial(List<MarketEvent> events, int dropped, String error) {
    return new Decoded(events, Kind.DATA, Optional.of(error), dropped);
  }

  public static Decoded control() {
    return new Decoded(List.of(), Kind.CONTROL, Optional.empty(), 0);
  }

  public static Decoded rejected(String error) {
    return new Decoded(List.of(), Kind.REJECTED, Optional.of(error), 0);
  }

  public static Decoded invalid(String error) {
    return new Decoded(List.of(), Kind.INVALID, Optional.of(error), 0);
  }
}
