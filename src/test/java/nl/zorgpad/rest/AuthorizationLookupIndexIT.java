package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up step creates the authorization lookup index, a second run changes nothing, and H2
 * chooses it for the engine's authorization join of the Tasklist's task query (the statement's
 * shape as Camunda 7.24 sends it, docs/benchmarks.md "The Tasklist's request").
 */
@ZorgpadIntegrationTest
class AuthorizationLookupIndexIT {

  @Autowired AuthorizationLookupIndex step;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theIndexExistsAndAnotherStartLeavesItAsItIs() {
    assertThat(indexColumns()).startsWith("RESOURCE_ID_", "RESOURCE_TYPE_").hasSize(10);
    step.run();
    assertThat(indexColumns()).hasSize(10);
  }

  @Test
  void theTaskQuerysAuthorizationJoinReadsTheIndex() {
    String plan =
        jdbc.queryForObject(
            "EXPLAIN select count(distinct RES.ID_) from ACT_RU_TASK RES"
                + " left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_"
                + " left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_"
                + " left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2"
                + " AND ( A.USER_ID_ in ('demo-jgz', '*') OR A.GROUP_ID_ IN ('jgz') )"
                + " AND ( ( A.RESOURCE_TYPE_ = 7 AND BITAND(A.PERMS_, CAST(2 AS BIGINT)) = 2"
                + " OR A.RESOURCE_TYPE_ = 6 AND BITAND(A.PERMS_, CAST(64 AS BIGINT)) = 64 ) ) ) AUTH"
                + " ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))"
                + " WHERE I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ('jgz')"
                + " and RES.SUSPENSION_STATE_ = 1"
                + " and ((RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL))"
                + " and (RES.TENANT_ID_ is null)",
            String.class);
    assertThat(plan).contains(AuthorizationLookupIndex.NAME);
  }

  private List<String> indexColumns() {
    return jdbc.queryForList(
        "select c.COLUMN_NAME from INFORMATION_SCHEMA.INDEX_COLUMNS c"
            + " where c.TABLE_NAME = 'ACT_RU_AUTHORIZATION' and c.INDEX_NAME = ?"
            + " order by c.ORDINAL_POSITION",
        String.class,
        AuthorizationLookupIndex.NAME);
  }
}
