package nl.zorgpad.rest;

import javax.sql.DataSource;
import nl.zorgpad.startup.StartupStep;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An index on the parent task of the engine's open tasks. Completing a task makes the engine look
 * for its subtasks ({@code TaskManager.deleteTask}: {@code select * from ACT_RU_TASK where
 * PARENT_TASK_ID_ = ?}, Task.xml), and Camunda 7.24's schema has no index on that column: every
 * completion read every open task of the installation (H2 plan: {@code tableScan}, 2,254 rows at
 * 2,253 open tasks; 85 % of the engine's reads in a completion while generating a region,
 * docs/benchmarks.md). Zorgpad has no subtasks, so the index stays empty-valued and small.
 *
 * <p>A start-up step, not a migration, because the engine makes its tables after Flyway (as
 * {@link AuthorizationLookupIndex}); where the application's role may not create indexes on the
 * engine's tables, the statement is logged for the DBA. {@code zorgpad.engine.task-parent-index
 * =false} leaves it out (to compare).
 */
@Component
@Order(StartupStep.AUTHORIZATIONS - 10)
@ConditionalOnProperty(
    name = "zorgpad.engine.task-parent-index",
    havingValue = "true",
    matchIfMissing = true)
public class TaskParentIndex extends EngineTableIndex {

  static final String NAME = "ZP_IDX_TASK_PARENT";

  static final String CREATE =
      "CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_TASK (PARENT_TASK_ID_)";

  TaskParentIndex(DataSource dataSource) {
    super(dataSource, "completing a task stays correct but reads every open task", CREATE);
  }
}
