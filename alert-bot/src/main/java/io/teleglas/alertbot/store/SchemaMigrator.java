package io.teleglas.alertbot.store;

import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a store's schema up to date with the Flyway migrations of its vendor ({@code
 * classpath:db/migration/sqlite} or {@code .../postgresql}), refusing a schema newer than this
 * build. Stateless.
 */
final class SchemaMigrator {

  private SchemaMigrator() {}

  /**
   * Applies pending migrations. Runs on an unpooled data source before the pool starts, so Flyway
   * may take the connections it needs even where the pool has only one.
   *
   * @throws DatabaseStartupException when the schema is newer than this build or a migration fails
   */
  static void migrate(Database.Vendor vendor, String description, DataSource source) {
    Flyway flyway =
        Flyway.configure(SchemaMigrator.class.getClassLoader())
            .dataSource(source)
            .locations(vendor.migrations())
            .failOnMissingLocations(true)
            .cleanDisabled(true)
            .load();
    try {
      refuseFutureSchema(flyway.info(), description);
      flyway.migrate();
    } catch (FlywayException e) {
      throw new DatabaseStartupException(
          "cannot migrate the schema of "
              + description
              + ": "
              + Database.firstLine(e.getMessage()));
    }
  }

  /**
   * Flyway by default ignores applied migrations it does not know ({@code ignoreMigrationPatterns
   * *:future}); running old code against a newer schema would then write rows the newer code does
   * not expect, so it is refused here.
   */
  private static void refuseFutureSchema(MigrationInfoService info, String description) {
    MigrationInfo[] future =
        Arrays.stream(info.applied())
            .filter(
                m ->
                    m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
            .toArray(MigrationInfo[]::new);
    if (future.length == 0) {
      return;
    }
    String known =
        Arrays.stream(info.all())
            .filter(m -> m.getState().isResolved())
            .map(MigrationInfo::getVersion)
            .filter(v -> v != null)
            .max(MigrationVersion::compareTo)
            .map(MigrationVersion::getVersion)
            .orElse("none");
    throw new DatabaseStartupException(
        "the schema of "
            + description
            + " is at version "
            + future[future.length - 1].getVersion()
            + ", newer than this build knows ("
            + known
            + "): run the newer alert bot or restore a backup; applied but unknown: "
            + Arrays.stream(future)
                .map(m -> m.getVersion() + " " + m.getDescription())
                .collect(Collectors.joining(", ")));
  }
}
