package nl.zorgpad.rest;

import javax.sql.DataSource;
import nl.zorgpad.startup.StartupStep;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An index on the engine's authorization table that holds every column of it, led by {@code
 * RESOURCE_ID_}: the engine's authorization join ({@code LEFT JOIN (SELECT A.* FROM
 * ACT_RU_AUTHORIZATION A WHERE …) AUTH ON AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}) looks up
 * each value by resource id; H2 then decides every condition of the derived table from the index
 * entry, without fetching the row from the table (the {@code '*'} value alone matches one row per
 * group and resource type, some 230 rows). docs/benchmarks.md, "The Tasklist's request".
 *
 * <p>The engine creates its tables after Flyway has run, so this is a start-up step and not a
 * migration. Where the application's role may not create indexes on the engine's tables (the
 * strict route, docs/operations.md), the step logs the statement for the DBA and goes on: the
 * index changes how fast the check is, not what it answers. {@code
 * zorgpad.engine.authorization-lookup-index=false} leaves it out (to compare).
 */
@Component
@Order(StartupStep.AUTHORIZATIONS - 10)
@ConditionalOnProperty(
    name = "zorgpad.engine.authorization-lookup-index",
    havingValue = "true",
    matchIfMissing = true)
public class AuthorizationLookupIndex extends EngineTableIndex {

  static final String NAME = "ZP_IDX_AUTH_LOOKUP";

  static final String CREATE =
      "CREATE INDEX IF NOT EXISTS "
          + NAME
          + " ON ACT_RU_AUTHORIZATION (RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, GROUP_ID_, USER_ID_,"
          + " PERMS_, ID_, REV_, REMOVAL_TIME_, ROOT_PROC_INST_ID_)";

  AuthorizationLookupIndex(DataSource dataSource) {
    super(dataSource, "the engine's authorization checks stay correct but slower", CREATE);
  }
}
