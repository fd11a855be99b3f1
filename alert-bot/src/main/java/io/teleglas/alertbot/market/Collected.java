package io.teleglas.alertbot.market;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.OpenInterest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one source answered for one coin in one poll: the figures it gave and the parts it could not
 * give. Immutable.
 *
 * @param coin the coin asked for
 * @param source the reading's source name ({@link MarketSource#name()})
 * @param time the poll's time
 * @param funding funding rates, at most one per exchange, never {@link Exchange#ALL}
 * @param openInterest open interest, at most one per exchange, never {@link Exchange#ALL}
 * @param misses the parts that could not be read
 */
public record Collected(
    Coin coin,
    String source,
    Instant time,
    List<FundingRate> funding,
    List<OpenInterest> openInterest,
    List<Miss> misses) {

  /**
   * A part that could not be read, left out of the reading.
   *
   * @param source who failed, as in {@code ALERT_SOURCES} ("coinglass", "binance"): the metric tag
   * @param figure what was asked for ("funding", "open interest")
   * @param detail why, short and without secrets
   */
  public record Miss(String source, String figure, String detail) {
    public Miss {
      Objects.requireNonNull(source, "source is null");
      Objects.requireNonNull(figure, "figure is null");
      Objects.requireNonNull(detail, "detail is null");
    }
  }

  public Collected {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(time, "time is null");
    funding = List.copyOf(funding);
    openInterest = List.copyOf(openInterest);
    misses = List.copyOf(misses);
  }

  /** The reading these figures make, or empty when the source gave no figure at all. */
  public Optional<MarketReading> reading() {
    if (funding.isEmpty() && openInterest.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MarketReading(coin, source, time, funding, openInterest));
  }

  /**
   * The figures about {@code coin} from distinct exchanges other than {@link Exchange#ALL}, in the
   * order given; a second figure for one exchange is dropped, the first kept.
   */
  static List<FundingRate> distinctFunding(Coin coin, List<FundingRate> rates) {
    Set<Exchange> seen = new HashSet<>();
    List<FundingRate> out = new ArrayList<>();
    for (FundingRate r : rates) {
      if (r.coin().equals(coin) && !r.exchange().equals(Exchange.ALL) && seen.add(r.exchange())) {
        out.add(r);
      }
    }
    return out;
  }

  /** As {@link #distinctFunding}, for open interest. */
  static List<OpenInterest> distinctOpenInterest(Coin coin, List<OpenInterest> rows) {
    Set<Exchange> seen = new HashSet<>();
    List<OpenInterest> out = new ArrayList<>();
    for (OpenInterest oi : rows) {
      if (oi.coin().equals(coin)
          && !oi.exchange().equals(Exchange.ALL)
          && seen.add(oi.exchange())) {
        out.add(oi);
      }
    }
    return out;
  }
}
