package io.teleglas.alertbot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Whether a store's schema is exactly the one this build's migrations produce, answered with one
 * query of Flyway's history table and without loading Flyway. On a restart, the usual case, Flyway
 * then has nothing to do; not loading it saves its ~400 classes (metaspace that stays committed for
 * the life of the process) and about a second of startup (docs/performance.md, "Peak RSS").
 *
 * <p>"Current" means: every row of {@code flyway_schema_history} is a successful versioned
 * migration, and the rows are exactly the bundled migrations with the checksums Flyway computes for
 * them ({@link #BUNDLED}, checked against Flyway's own resolution by SchemaMigratorIT). That is the
 * state in which Flyway's migrate, validating first, applies nothing and fails on nothing. Anything
 * else (no history table, a pending, failed, edited, repeatable or unknown newer migration, an
 * error reading the table) answers false, and {@link SchemaMigrator} hands the store to Flyway,
 * which migrates or refuses it as before. Stateless.
 */
final class CurrentSchema {

  /**
   * The migrations this build ships, version → Flyway checksum, per vendor. A new or changed file
   * under {@code db/migration/} must be entered here; SchemaMigratorIT fails until it is.
   */
  static final Map<Database.Vendor, Map<String, Integer>> BUNDLED =
      Map.of(
          Database.Vendor.SQLITE, Map.of("1", -1_323_702_497, "2", -1_100_836_968),
          Database.Vendor.POSTGRESQL, Map.of("1", -1_843_278_497, "2", -728_419_636));

  private static final String HISTORY =
      "SELECT version, checksum, success, type FROM flyway_schema_history";

  private CurrentSchema() {}

  /** True when Flyway would find nothing to apply and nothing to refuse; false when in doubt. */
  static boolean isCurrent(Database.Vendor vendor, DataSource source) {
    Map<String, Integer> bundled = BUNDLED.get(vendor);
    Map<String, Integer> applied = new HashMap<>();
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(HISTORY)) {
      while (rows.next()) {
        String version = rows.getString("version");
        int checksum = rows.getInt("checksum");
        boolean hasChecksum = !rows.wasNull();
        if (version == null
            || !hasChecksum
            || !rows.getBoolean("success")
            || !"SQL".equals(rows.getString("type"))
            || applied.put(version, checksum) != null) {
          return false;
        }
      }
    } catch (SQLException e) {
      // No history table yet (a new store) or one Flyway should look at: Flyway decides.
      return false;
    }
    return applied.size() == bundled.size()
        && applied.entrySet().stream()
            .allMatch(a -> Objects.equals(bundled.get(a.getKey()), a.getValue()));
  }
}
