package io.teleglas.alertbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteDataSource;

/**
 * The schema check that lets a restart skip Flyway ({@link CurrentSchema}) and the Flyway path it
 * falls back to, on real SQLite files: the check says "current" only where Flyway would do nothing,
 * and every other store still goes through Flyway (migrated, or refused).
 */
class SchemaMigratorIT {
  @TempDir Path dir;

  private SQLiteDataSource source(String name) {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + dir.resolve(name));
    return source;
  }

  private static Flyway flyway(Database.Vendor vendor, SQLiteDataSource source, String target) {
    return Flyway.configure(SchemaMigratorIT.class.getClassLoader())
        .dataSource(source)
        .locations(vendor.migrations())
        .failOnMissingLocations(true)
        .target(target)
        .load();
  }

  private static void execute(SQLiteDataSource source, String sql) throws SQLException {
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static boolean hasColumn(Path file, String table, String column) {
    try (Database db = Database.sqlite(file)) {
      return db.inTransaction(
          c -> {
            try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
              while (r.next()) {
                if (r.getString("name").equals(column)) {
                  return true;
                }
              }
              return false;
            }
          });
    }
  }

  /**
   * The table of bundled migrations is what Flyway itself resolves from the files. Checksums do not
   * depend on the database, so both vendors' folders are resolved against a SQLite file.
   */
  @ParameterizedTest
  @EnumSource(Database.Vendor.class)
  void bundled_isWhatFlywayResolvesFromTheMigrationFiles(Database.Vendor vendor) {
    MigrationInfo[] all = flyway(vendor, source("resolve.db"), "latest").info().all();
    Map<String, Integer> resolved =
        Arrays.stream(all)
            .collect(
                Collectors.toMap(
                    m -> m.getVersion().getVersion(),
                    MigrationInfo::getChecksum,
                    (a, b) -> a,
                    TreeMap::new));

    assertThat(resolved).isNotEmpty();
    assertThat(new TreeMap<>(CurrentSchema.BUNDLED.get(vendor)))
        .as("CurrentSchema.BUNDLED for %s: enter new or changed migrations there", vendor)
        .isEqualTo(resolved);
  }

  @Test
  void isCurrent_onANewFile_isFalse() {
    assertThat(CurrentSchema.isCurrent(Database.Vendor.SQLITE, source("new.db"))).isFalse();
  }

  @Test
  void isCurrent_afterOpening_isTrue() {
    Path file = dir.resolve("a.db");
    Database.sqlite(file).close();

    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    assertThat(CurrentSchema.isCurrent(Database.Vendor.SQLITE, source)).isTrue();
  }

  @Test
  void open_aStoreAtAnOlderVersion_isNotCurrentAndIsMigrated() {
    SQLiteDataSource source = source("old.db");
    flyway(Database.Vendor.SQLITE, source, "1").migrate();
    assertThat(CurrentSchema.isCurrent(Database.Vendor.SQLITE, source)).isFalse();

    assertThat(hasColumn(dir.resolve("old.db"), "outbox", "dedup_key")).isTrue();
    assertThat(CurrentSchema.isCurrent(Database.Vendor.SQLITE, source)).isTrue();
  }

  @Test
  void open_aStoreWithAnUnknownNewerMigration_isNotCurrentAndIsRefused() throws Exception {
    Path file = dir.resolve("future.db");
    Database.sqlite(file).close();
    SQLiteDataSource source = source("future.db");
    execute(
        source,
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success)"
            + " VALUES (3, '3', 'from the future', 'SQL', 'V3__from_the_future.sql', 7, 'test', 1,"
            + " 1)");
    assertThat(CurrentSchema.isCurrent(Database.Vendor.SQLITE, source)).isFalse();

    assertThatThrownBy(() -> Database.sqlite(file))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageContaining("is at version 3, newer than this build knows (2)");
  }

  @Test
  void open_aStoreWhoseAppliedMigrationWasEdited_isNotCurrentAndFlywayRefusesIt() throws Exception {
    Path file = dir.resolve("edited.db");
    Database.sqlite(file).close();
    SQLiteDataSource source = source("edited.db");
    execute(source, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
    assertThat(CurrentSchema.isCurrent(Database.Vendor.SQLITE, source)).isFalse();

    assertThatThrownBy(() -> Database.sqlite(file))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageContaining("cannot migrate the schema of SQLite at")
        .hasMessageContaining("Validate failed");
  }

  @Test
  void isCurrent_withAFailedMigrationRow_isFalse() throws Exception {
    Path file = dir.resolve("failed.db");
    Database.sqlite(file).close();
    SQLiteDataSource source = source("failed.db");
    execute(source, "UPDATE flyway_schema_history SET success = 0 WHERE version = '2'");

    assertThat(CurrentSchema.isCurrent(Database.Vendor.SQLITE, source)).isFalse();
  }

  @Test
  void isCurrent_withARowMissing_isFalse() throws Exception {
    Path file = dir.resolve("missing.db");
    Database.sqlite(file).close();
    SQLiteDataSource source = source("missing.db");
    execute(source, "DELETE FROM flyway_schema_history WHERE version = '1'");

    assertThat(CurrentSchema.isCurrent(Database.Vendor.SQLITE, source)).isFalse();
  }
}
