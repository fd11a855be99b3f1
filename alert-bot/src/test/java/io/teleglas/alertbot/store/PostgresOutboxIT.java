package io.teleglas.alertbot.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresOutboxIT extends OutboxContract {
  private static TestPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  StoreUnderTest newStore() throws Exception {
    String url = postgres.newDatabase();
    return () -> Database.postgres(url);
  }
}
