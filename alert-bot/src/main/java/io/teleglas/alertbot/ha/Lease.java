package io.teleglas.alertbot.ha;

import java.util.Optional;

/**
 * A time-limited claim on a role that only one instance may hold. The store decides who holds it,
 * on its own clock; {@link LeaderElection} keeps it renewed and decides when to stop trusting it.
 */
public interface Lease {

  /**
   * Takes the lease if it is free or expired, or renews it if this holder has it.
   *
   * @return true if this holder now has it for one more time-to-live; false if another holder does
   * @throws RuntimeException when the store cannot be asked: the caller cannot tell who holds it
   */
  boolean tryAcquire();

  /** Gives the lease up now if this holder has it, so a standby need not wait for it to expire. */
  void release();

  /** Who holds the lease now, if anyone does (an expired lease is held by no one). */
  Optional<String> holder();
}
