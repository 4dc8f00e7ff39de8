package nl.zorgpad.rest;

import javax.sql.DataSource;
import nl.zorgpad.startup.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An index Zorgpad adds to one of the engine's tables ({@link AuthorizationLookupIndex}, {@link
 * AuthorizationPrincipalIndexes}, {@link TaskParentIndex}). The engine creates its tables after Flyway has run, so this is a start-up
 * step and not a migration. Where the application's role may not create indexes on the engine's
 * tables (the strict route, docs/operations.md), the step logs the statement for the DBA and goes
 * on: the index changes how fast a statement is, not what it answers.
 */
abstract class EngineTableIndex implements StartupStep {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTableIndex.class);

  private final JdbcTemplate jdbc;
  private final java.util.List<String> creates;
  private final String without;

  /**
   * @param without what stays slower without the indexes, for the log
   * @param creates the {@code CREATE INDEX IF NOT EXISTS} statements
   */
  EngineTableIndex(DataSource dataSource, String without, String... creates) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.creates = java.util.List.of(creates);
    this.without = without;
  }

  @Override
  public void run() {
    for (String create : creates) {
      try {
        jdbc.execute(create);
      } catch (DataAccessException e) {
        LOG.warn(
            "Could not create an index on an engine table ({}); a DBA can create it with: {};"
                + " cause: {}",
            without,
            create,
            e.getMostSpecificCause().getMessage());
      }
    }
  }
}
