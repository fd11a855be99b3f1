package io.teleglas.core.coinglass;

import io.teleglas.core.market.FundingRate;
import java.util.List;

/**
 * The coins with the highest and the lowest stablecoin-margined funding right now, for {@code
 * /funding} without a symbol. Rates on different intervals are compared by {@link
 * FundingRate#annualized()}; each coin appears once per list, with its most extreme exchange.
 *
 * @param highest most positive first (longs pay the most)
 * @param lowest most negative first (shorts pay the most)
 */
public record FundingExtremes(List<FundingRate> highest, List<FundingRate> lowest) {
  public FundingExtremes {
    highest = List.copyOf(highest);
    lowest = List.copyOf(lowest);
  }
}
