package nl.zorgpad.rest;

import javax.sql.DataSource;
import nl.zorgpad.startup.StartupStep;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two indexes on the engine's authorization table, led by the user and by the group, that hold
 * the columns {@link AuthorizationSets} reads: its two branches find a caller's grants from the
 * index entries alone (Camunda's own indexes lead with {@code TYPE_}, or hold the group only).
 * A start-up step, as {@link AuthorizationLookupIndex}; {@code
 * zorgpad.engine.authorization-sets=false} leaves both the rewrite and the indexes out.
 */
@Component
@Order(StartupStep.AUTHORIZATIONS - 9)
@ConditionalOnProperty(
    name = "zorgpad.engine.authorization-sets",
    havingValue = "true",
    matchIfMissing = true)
public class AuthorizationPrincipalIndexes extends EngineTableIndex {

  static final String USER = "ZP_IDX_AUTH_USER";
  static final String GROUP = "ZP_IDX_AUTH_GROUP";

  AuthorizationPrincipalIndexes(DataSource dataSource) {
    super(
        dataSource,
        "the Tasklist's authorization sets read the whole table",
        "CREATE INDEX IF NOT EXISTS "
            + USER
            + " ON ACT_RU_AUTHORIZATION (USER_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, RESOURCE_ID_)",
        "CREATE INDEX IF NOT EXISTS "
            + GROUP
            + " ON ACT_RU_AUTHORIZATION (GROUP_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, RESOURCE_ID_)");
  }
}
