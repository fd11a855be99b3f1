package io.teleglas.core.coinglass;

/**
 * A CoinGlass API subscription plan with its documented request budget per minute (market-apis.md
 * §A.3). Endpoints name the lowest plan that includes them, so a plan refusal can say which plan is
 * needed.
 */
public enum Plan {
  HOBBYIST("Hobbyist", 30),
  STARTUP("Startup", 80),
  STANDARD("Standard", 300),
  PROFESSIONAL("Professional", 1200);

  private final String displayName;
  private final int requestsPerMinute;

  Plan(String displayName, int requestsPerMinute) {
    this.displayName = displayName;
    this.requestsPerMinute = requestsPerMinute;
  }

  /** The name CoinGlass's pricing page uses, such as {@code Standard}. */
  public String displayName() {
    return displayName;
  }

  /** The documented request budget of the plan per minute. */
  public int requestsPerMinute() {
    return requestsPerMinute;
  }
}
