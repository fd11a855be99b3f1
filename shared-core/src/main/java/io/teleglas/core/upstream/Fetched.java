package io.teleglas.core.upstream;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.function.Function;

/**
 * The outcome of asking an upstream API for one figure or table: the value with where and when it
 * came from, or why it is unavailable. Expected failures (plan gating, rate limits, timeouts, an
 * unknown symbol) are values of this type, never exceptions and never zeros, so a renderer can say
 * exactly what is missing and why.
 */
public sealed interface Fetched<T> {

  /** A value obtained from {@code source} (e.g. "CoinGlass", "Binance") at {@code asOf}. */
  record Value<T>(T value, String source, Instant asOf) implements Fetched<T> {
    public Value {
      requireNonNull(value, "value is null");
      requireNonNull(source, "source is null");
      requireNonNull(asOf, "asOf is null");
    }
  }

  /**
   * Nothing could be obtained from {@code source}; {@code detail} is short and user-presentable.
   */
  record Unavailable<T>(Reason reason, String detail, String source) implements Fetched<T> {
    public Unavailable {
      requireNonNull(reason, "reason is null");
      requireNonNull(detail, "detail is null");
      requireNonNull(source, "source is null");
    }

    /** The same failure, typed for another value type. */
    @SuppressWarnings("unchecked")
    public <U> Unavailable<U> retype() {
      return (Unavailable<U>) this;
    }
  }

  /** Why a figure is unavailable. */
  enum Reason {
    /** The source needs an API key and none is configured. */
    NO_API_KEY,
    /** The configured plan does not include this endpoint. */
    PLAN,
    /** The source's rate limit (or our own budget for it) is exhausted. */
    RATE_LIMITED,
    /** The source did not answer in time. */
    TIMEOUT,
    /** The source answered with an error, or with something we could not read. */
    UPSTREAM_ERROR,
    /** The source does not know the symbol. */
    UNKNOWN_SYMBOL,
    /** The source does not offer this figure at all. */
    NOT_OFFERED
  }

  static <T> Fetched<T> value(T value, String source, Instant asOf) {
    return new Value<>(value, source, asOf);
  }

  static <T> Fetched<T> unavailable(Reason reason, String detail, String source) {
    return new Unavailable<>(reason, detail, source);
  }

  default boolean isAvailable() {
    return this instanceof Value;
  }

  /** Transforms the value, keeping source, time or failure. */
  default <U> Fetched<U> map(Function<? super T, ? extends U> f) {
    if (this instanceof Value<T> v) {
      return new Value<>(f.apply(v.value()), v.source(), v.asOf());
    }
    return ((Unavailable<T>) this).retype();
  }
}
