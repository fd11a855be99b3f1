package io.teleglas.alertbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the SQLite store: where the file goes, how connections are set up, what fails. */
class SqliteDatabaseIT {
  @TempDir Path dir;

  private static String pragma(Database db, String name) {
    return db.inTransaction(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getString(1);
          }
        });
  }

  @Test
  void open_withoutDatabaseUrl_createsTheDataDirAndTheFileInIt() {
    Path dataDir = dir.resolve("state/nested");
    ConfigReader reader = new ConfigReader(Environment.of(Map.of("DATA_DIR", dataDir.toString())));
    CommonConfig config = CommonConfig.read(reader);
    reader.finish();

    try (Database db = Database.open(config)) {
      Path file = dataDir.resolve(Database.SQLITE_FILE).toAbsolutePath().normalize();
      assertThat(file).isRegularFile();
      assertThat(db.vendor()).isEqualTo(Database.Vendor.SQLITE);
      assertThat(db.describe()).isEqualTo("SQLite at " + file);
    }
  }

  @Test
  void sqlite_everyConnectionGetsWalBusyTimeoutNormalSyncAndForeignKeys() {
    try (Database db = Database.sqlite(dir.resolve("a.db"))) {
      assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(db, "busy_timeout")).isEqualTo("5000");
      assertThat(pragma(db, "synchronous")).isEqualTo("1");
      assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
    }
  }

  @Test
  void sqlite_whenTheDataDirCannotBeCreated_failsWithOneClearLine() throws Exception {
    Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");

    assertThatThrownBy(() -> Database.sqlite(blocker.resolve("data/alert-bot.db")))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessage(
            "cannot create the data directory "
                + blocker.resolve("data")
                + " (Not a directory): set DATA_DIR to a writable directory");
  }

  @Test
  void sqlite_onAFileThatIsNotADatabase_failsWithOneClearLine() throws Exception {
    Path file =
        Files.writeString(dir.resolve("alert-bot.db"), "this is not a database ".repeat(50));

    assertThatThrownBy(() -> Database.sqlite(file))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageContaining("SQLite at " + file)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void sqlite_whoseSchemaIsNewerThanThisBuild_isRefused() throws Exception {
    Path file = dir.resolve("alert-bot.db");
    try (Database db = Database.sqlite(file)) {
      db.inTransaction(
          c -> {
            try (Statement s = c.createStatement()) {
              s.executeUpdate(
                  "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                      + " script, checksum, installed_by, execution_time, success)"
                      + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql',"
                      + " 0, 'test', 1, 1)");
            }
            return null;
          });
    }

    assertThatThrownBy(() -> Database.sqlite(file))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageContaining("is at version 99, newer than this build knows (2)")
        .hasMessageContaining("from the future")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void inTransaction_rollsBackWhenTheWorkThrows() {
    try (Database db = Database.sqlite(dir.resolve("a.db"))) {
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      c -> {
                        try (Statement s = c.createStatement()) {
                          s.executeUpdate("UPDATE outbox_totals SET delivered = 7");
                        }
                        throw new SQLException("boom");
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("boom");

      assertThat(new JdbcOutbox(db).stats().delivered()).isZero();
    }
  }
}
