package io.teleglas.alertbot.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.alertbot.store.Database;
import io.teleglas.alertbot.store.TestPostgres;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease row's rules on a real PostgreSQL: who may take it, renew it, and when. */
class PostgresLeaseIT {
  private static final Duration LONG = Duration.ofMinutes(5);
  private static TestPostgres postgres;
  private Database db;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void openDatabase() throws Exception {
    db = Database.postgres(postgres.newDatabase());
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  @Test
  void theFirstToAskTakesIt_othersCannotUntilItExpires_theHolderRenews() {
    PostgresLease a = new PostgresLease(db, "alert-bot", "host-a/1", LONG);
    PostgresLease b = new PostgresLease(db, "alert-bot", "host-b/2", LONG);

    assertThat(a.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isFalse();
    assertThat(a.tryAcquire()).as("renewal").isTrue();
    assertThat(b.holder()).contains("host-a/1");
    assertThat(term()).isEqualTo(1);
  }

  @Test
  void anExpiredLeaseGoesToTheNextAsker_andTheOldHolderCannotRenewIt() throws Exception {
    PostgresLease a = new PostgresLease(db, "alert-bot", "host-a/1", Duration.ofMillis(300));
    PostgresLease b = new PostgresLease(db, "alert-bot", "host-b/2", LONG);
    assertThat(a.tryAcquire()).isTrue();

    Thread.sleep(600); // the server's clock must pass the expiry; nothing is timed here

    assertThat(a.holder()).isEmpty();
    assertThat(b.tryAcquire()).isTrue();
    assertThat(a.tryAcquire()).as("the old holder after the hand-over").isFalse();
    assertThat(a.holder()).contains("host-b/2");
    assertThat(term()).isEqualTo(2);
  }

  @Test
  void releaseHandsItOverAtOnce_andTheSameHolderRestartedTakesItsOwnBack() {
    PostgresLease a = new PostgresLease(db, "alert-bot", "host-a/1", LONG);
    PostgresLease aRestarted = new PostgresLease(db, "alert-bot", "host-a/1", LONG);
    PostgresLease b = new PostgresLease(db, "alert-bot", "host-b/2", LONG);

    assertThat(a.tryAcquire()).isTrue();
    assertThat(aRestarted.tryAcquire()).as("same identity, e.g. after kill -9").isTrue();
    assertThat(b.tryAcquire()).isFalse();

    aRestarted.release();

    assertThat(b.holder()).isEmpty();
    assertThat(b.tryAcquire()).isTrue();
    a.release(); // not the holder: changes nothing
    assertThat(a.holder()).contains("host-b/2");
  }

  @Test
  void differentRolesAreDifferentLeases() {
    assertThat(new PostgresLease(db, "alert-bot", "host-a/1", LONG).tryAcquire()).isTrue();
    assertThat(new PostgresLease(db, "other", "host-b/2", LONG).tryAcquire()).isTrue();
  }

  @Test
  void sqliteIsRefused(@TempDir Path dir) {
    try (Database sqlite = Database.sqlite(dir.resolve("alert-bot.db"))) {
      assertThatThrownBy(() -> new PostgresLease(sqlite, "alert-bot", "me", LONG))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs PostgreSQL");
    }
  }

  private long term() {
    return db.inTransaction(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("SELECT term FROM leader_lease")) {
            r.next();
            return r.getLong(1);
          }
        });
  }
}
