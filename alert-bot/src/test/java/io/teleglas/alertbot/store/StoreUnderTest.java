package io.teleglas.alertbot.store;

/**
 * Where a contract test's store lives: {@link #open()} opens it (creating it the first time) and
 * may be called again after {@link Database#close()} to reopen the same store.
 */
interface StoreUnderTest {
  Database open() throws Exception;
}
