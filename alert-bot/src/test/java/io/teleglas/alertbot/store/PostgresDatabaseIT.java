package io.teleglas.alertbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Opening the PostgreSQL store: what is shown of the URL, what fails and how. */
class PostgresDatabaseIT {
  private static TestPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void isCurrent_beforeAndAfterTheFirstOpen() throws Exception {
    String url = postgres.newDatabase();
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url);
    assertThat(CurrentSchema.isCurrent(Database.Vendor.POSTGRESQL, source)).isFalse();

    Database.postgres(url).close();

    assertThat(CurrentSchema.isCurrent(Database.Vendor.POSTGRESQL, source)).isTrue();
    try (Database db = Database.postgres(url)) {
      assertThat(new JdbcOutbox(db).stats().delivered()).isZero();
    }
  }

  @Test
  void describe_showsTheUrlWithThePasswordMasked() throws Exception {
    String url = postgres.newDatabase() + "&password=hunter2";

    try (Database db = Database.postgres(url)) {
      assertThat(db.vendor()).isEqualTo(Database.Vendor.POSTGRESQL);
      assertThat(db.describe()).startsWith("PostgreSQL at jdbc:postgresql://127.0.0.1:");
      assertThat(db.describe()).contains("password=[REDACTED]").doesNotContain("hunter2");
    }
  }

  @Test
  void postgres_whenNothingListens_failsWithOneLineWithoutThePassword() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/teleglas?user=bot&password=hunter2";

    assertThatThrownBy(() -> Database.postgres(url))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageStartingWith("cannot open PostgreSQL at jdbc:postgresql://127.0.0.1:" + port)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("\n"));
  }

  @Test
  void postgres_withAMissingDatabase_failsWithOneLine() {
    assertThatThrownBy(() -> Database.postgres(postgres.url("no_such_database")))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageContaining("no_such_database")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void postgres_withANonPostgresUrl_namesDatabaseUrl() {
    assertThatThrownBy(() -> Database.postgres("jdbc:mysql://127.0.0.1/teleglas"))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageStartingWith("DATABASE_URL: expected a PostgreSQL JDBC URL");
  }
}
