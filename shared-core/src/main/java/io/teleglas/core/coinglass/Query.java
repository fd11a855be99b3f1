package io.teleglas.core.coinglass;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One GET to CoinGlass: the endpoint, its query parameters in order, and the plan it needs (the
 * endpoint's, or higher when a parameter such as a short history interval needs more).
 */
record Query(Endpoint endpoint, Map<String, String> params, Plan plan) {

  Query {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  static Query of(Endpoint endpoint) {
    return new Query(endpoint, Map.of(), endpoint.plan());
  }

  Query with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(params);
    more.put(name, value);
    return new Query(endpoint, more, plan);
  }

  /** The same query, needing at least {@code needed}. */
  Query needing(Plan needed) {
    return needed.compareTo(plan) > 0 ? new Query(endpoint, params, needed) : this;
  }

  /** What a plan refusal tells the user. */
  String planDetail() {
    return plan == Plan.HOBBYIST
        ? "needs a higher CoinGlass plan"
        : "needs CoinGlass " + plan.displayName() + " plan";
  }
}
