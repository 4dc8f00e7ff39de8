package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text rules of {@link AuthorizationSets}; the answers are compared in its IT. */
class AuthorizationSetsTest {

  private static final String GRANTS =
      "left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in"
          + " ( ?, '*') OR A.GROUP_ID_ IN ( ? , ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND"
          + " BITAND(A.PERMS_,CAST(? AS BIGINT)) = ? OR A.RESOURCE_TYPE_ = ? AND"
          + " BITAND(A.PERMS_,CAST(? AS BIGINT)) = ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ ,"
          + " D.KEY_ , '*' ))";

  /** The Tasklist's count, as the engine writes it on H2 (candidate test already rewritten). */
  static final String COUNT =
      "select count(distinct RES.ID_ ) from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on"
          + " RES.PROC_DEF_ID_ = D.ID_ "
          + GRANTS
          + " WHERE ( 1 = 1 and ( RES.ID_ in (select I.TASK_ID_ from ACT_RU_IDENTITYLINK I where"
          + " I.TASK_ID_ is not null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) ))"
          + " and RES.SUSPENSION_STATE_ = 1 ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR"
          + " (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null )";

  /** Parameters named after what they bind: u, g1, g2, t1 … v2 (checks), c1, c2 (candidate). */
  private static final List<String> PARAMETERS =
      List.of("u", "g1", "g2", "t1", "m1", "v1", "t2", "m2", "v2", "c1", "c2");

  /** The mappings of one column's test: her user's grants, her groups' grants. */
  private static final List<String> SETS =
      List.of(
          "u", "t1", "m1", "v1", "t2", "m2", "v2", "g1", "g2", "t1", "m1", "v1", "t2", "m2", "v2");

  /** The mappings of the '*' test: the engine's own order. */
  private static final List<String> STAR =
      List.of("u", "g1", "g2", "t1", "m1", "v1", "t2", "m2", "v2");

  @Test
  void theJoinGoesAndEachValueIsTestedAgainstHerGrants() {
    AuthorizationSets.Rewritten<String> r = AuthorizationSets.rewrite(COUNT, PARAMETERS);
    assertThat(r).isNotNull();
    assertThat(r.sql())
        .startsWith(
            "select count(distinct RES.ID_ ) from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on"
                + " RES.PROC_DEF_ID_ = D.ID_  WHERE ( 1 = 1 and ( RES.ID_ in (select I.TASK_ID_")
        .contains(
            "(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (( ( RES.ID_ in (SELECT A.RESOURCE_ID_ FROM"
                + " ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND A.USER_ID_ in ( ?, '*') AND ( (")
        .contains(
            " or RES.ID_ in (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2"
                + " AND A.GROUP_ID_ IN ( ? , ? ) AND ( (")
        .contains(" or ( D.KEY_ in (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE")
        .contains(
            " or exists (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = '*' AND"
                + " A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? , ? ) ) AND (")
        .endsWith(") )) ) and (RES.TENANT_ID_ is null )")
        .doesNotContain("SELECT A.*")
        .doesNotContain("AUTH.")
        .doesNotContain(") AUTH ");
    // the candidate test's parameters stay first; each subquery gets its own
    List<String> expected = new ArrayList<>(List.of("c1", "c2"));
    expected.addAll(SETS);
    expected.addAll(SETS);
    expected.addAll(STAR);
    assertThat(r.mappings()).containsExactlyElementsOf(expected);
    assertThat(AuthorizationSets.placeholders(r.sql())).isEqualTo(r.mappings().size());
  }

  @Test
  void withoutGroupsOnlyHerUsersGrants() {
    String sql = COUNT.replace(" OR A.GROUP_ID_ IN ( ? , ? )", "");
    List<String> parameters = new ArrayList<>(PARAMETERS);
    parameters.remove("g1");
    parameters.remove("g2");
    AuthorizationSets.Rewritten<String> r = AuthorizationSets.rewrite(sql, parameters);
    assertThat(r.sql()).doesNotContain("A.GROUP_ID_");
    List<String> user = List.of("u", "t1", "m1", "v1", "t2", "m2", "v2");
    List<String> expected = new ArrayList<>(List.of("c1", "c2"));
    expected.addAll(user);
    expected.addAll(user);
    expected.addAll(user);
    assertThat(r.mappings()).containsExactlyElementsOf(expected);
    assertThat(AuthorizationSets.placeholders(r.sql())).isEqualTo(r.mappings().size());
  }

  @Test
  void placeholdersBeforeTheJoinStayFirst() {
    String sql =
        COUNT.replace("RES.PROC_DEF_ID_ = D.ID_ ", "RES.PROC_DEF_ID_ = D.ID_ and D.KEY_ = ? ");
    List<String> parameters = new ArrayList<>(PARAMETERS);
    parameters.add(0, "k");
    AuthorizationSets.Rewritten<String> r = AuthorizationSets.rewrite(sql, parameters);
    assertThat(r.mappings()).startsWith("k", "c1", "c2", "u").hasSize(3 + 2 * SETS.size() + 9);
  }

  @Test
  void postgresqlsCountOfADistinctSubqueryIsRewrittenToo() {
    String sql =
        COUNT.replace(
                "select count(distinct RES.ID_ ) from",
                "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from")
            + " ) countDistinct";
    assertThat(AuthorizationSets.rewrite(sql, PARAMETERS).sql())
        .startsWith("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES")
        .endsWith(" ) countDistinct");
  }

  @Test
  void otherShapesKeepTheEnginesStatement() {
    // not distinct: the join's rows would be counted
    assertThat(
            AuthorizationSets.rewrite(
                COUNT.replace("count(distinct RES.ID_ )", "count(*)"), PARAMETERS))
        .isNull();
    // the grants used elsewhere
    assertThat(AuthorizationSets.rewrite(COUNT + " order by AUTH.ID_", PARAMETERS)).isNull();
    // a composite check (a second join, AUTH1)
    assertThat(
            AuthorizationSets.rewrite(
                COUNT.replace("WHERE ( 1 = 1", GRANTS.replace("AUTH", "AUTH1") + " WHERE ( 1 = 1"),
                PARAMETERS))
        .isNull();
    // an inner join (no row without a grant survives it)
    assertThat(
            AuthorizationSets.rewrite(
                COUNT.replace("left join ( SELECT A.*", "inner join ( SELECT A.*"), PARAMETERS))
        .isNull();
    // no authorization check at all
    assertThat(AuthorizationSets.rewrite("select distinct RES.* from ACT_RU_TASK RES", List.of()))
        .isNull();
    // the mappings do not match the placeholders
    assertThat(AuthorizationSets.rewrite(COUNT, PARAMETERS.subList(0, 5))).isNull();
    // a statement that already has a common table expression
    assertThat(AuthorizationSets.rewrite("with X as (select 1) " + COUNT, PARAMETERS)).isNull();
  }
}
