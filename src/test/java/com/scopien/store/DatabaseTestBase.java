package com.scopien.store;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of every test that touches the database: the whole test class runs once on H2 and once on
 * PostgreSQL, each time against its own fresh, migrated database (shared by the methods of that
 * run, so tests must not depend on each other's rows; use unique values).
 *
 * <p>Use {@link TestDatabases#open} directly when a test needs an empty database of its own.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabases.Engine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTestBase {

  /** The engine of this run. */
  @Parameter protected TestDatabases.Engine engine;

  /** This run's database, open for the whole run. */
  protected Database database;

  @BeforeParameterizedClassInvocation
  void openDatabase(TestDatabases.Engine engine) {
    database = TestDatabases.open(engine);
  }

  @AfterParameterizedClassInvocation
  void closeDatabase() {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** Shortcut for {@code database.jdbc()}. */
  protected Jdbc jdbc() {
    return database.jdbc();
  }
}
