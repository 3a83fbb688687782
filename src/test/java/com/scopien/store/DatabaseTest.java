package com.scopien.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseTest extends DatabaseTestBase {

  @Test
  void migrationsCreateTheSecurityTables() {
    List<String> tables =
        jdbc()
            .query(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' ORDER BY table_name",
                row -> row.getString(1));

    assertThat(tables).contains("users", "api_keys", "audit_log", "flyway_schema_history");
  }

  @Test
  void migrationHistoryRecordsVersionOneAsSuccessful() {
    List<String> versions =
        jdbc()
            .query(
                "SELECT version FROM flyway_schema_history"
                    + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank",
                row -> row.getString(1));

    assertThat(versions).first().isEqualTo("1");
  }

  @Test
  void reportsItsVendor() {
    Database.Vendor expected =
        engine == TestDatabases.Engine.H2 ? Database.Vendor.H2 : Database.Vendor.POSTGRESQL;

    assertThat(database.vendor()).isEqualTo(expected);
  }

  @Test
  void dataSourceHandsOutWorkingConnections() throws Exception {
    try (var connection = database.dataSource().getConnection();
        var statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT COUNT(*) FROM users")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(0);
    }
  }
}
