package io.teleglas.core.exchange;

import io.teleglas.core.upstream.Fetched;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Combinators over {@link Fetched} for adapters: a conversion that finds the wire answer unusable
 * (a {@link WireFormatException}, or a domain record rejecting a value) yields {@link
 * Failures#unreadable}, never an exception.
 */
public final class Fetches {
  private static final Logger log = LoggerFactory.getLogger(Fetches.class);

  private Fetches() {}

  /** Converts the value; an unusable value becomes unreadable. Failures pass through. */
  public static <A, B> Fetched<B> map(Fetched<A> fetched, Function<? super A, ? extends B> f) {
    return flatMap(fetched, v -> Fetched.value(f.apply(v.value()), v.source(), v.asOf()));
  }

  /**
   * Like {@link #map}, for conversions that may themselves answer "unavailable" and that need the
   * value's source and time.
   */
  public static <A, B> Fetched<B> flatMap(
      Fetched<A> fetched, Function<Fetched.Value<A>, Fetched<B>> f) {
    if (fetched instanceof Fetched.Value<A> v) {
      try {
        return f.apply(v);
      } catch (WireFormatException | IllegalArgumentException e) {
        log.warn("{} answer unusable: {}", v.source(), e.getMessage());
        return Failures.unreadable(v.source());
      }
    }
    return ((Fetched.Unavailable<A>) fetched).retype();
  }

  /**
   * Both values combined, dated by the older of the two; the first failure otherwise. Both must
   * come from the same source.
   */
  public static <A, B, R> Fetched<R> combine(
      Fetched<A> first, Fetched<B> second, BiFunction<? super A, ? super B, ? extends R> f) {
    if (first instanceof Fetched.Value<A> a && second instanceof Fetched.Value<B> b) {
      Instant asOf = a.asOf().isBefore(b.asOf()) ? a.asOf() : b.asOf();
      return flatMap(first, x -> Fetched.value(f.apply(x.value(), b.value()), a.source(), asOf));
    }
    if (first instanceof Fetched.Unavailable<A> u) {
      return u.retype();
    }
    return ((Fetched.Unavailable<B>) second).retype();
  }

  /** The future, with an unexpected exception turned into an answer instead of a failure. */
  public static <T> CompletableFuture<Fetched<T>> guarded(
      CompletableFuture<Fetched<T>> future, String source) {
    return future.exceptionally(
        t -> {
          log.error("{} request failed unexpectedly", source, t);
          return Failures.venueError(source);
        });
  }
}
