package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which task statements read the business key through a subquery, on Camunda 7.24's text. */
class BusinessKeySubqueryTest {

  private static final String AUTH =
      " left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join ( SELECT A.* FROM"
          + " ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') ) ) AUTH ON"
          + " (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))";
  private static final String TASK_JOIN =
      " inner join ACT_RU_EXECUTION E on RES.PROC_INST_ID_ = E.ID_";

  @Test
  void theKeyTestBecomesASubqueryAndTheJoinGoes() {
    String engine =
        "select distinct RES.* from ACT_RU_TASK RES"
            + TASK_JOIN
            + AUTH
            + " WHERE ( 1 = 1 and E.BUSINESS_KEY_ = ? ) and ( AUTH.RESOURCE_ID_ IS NOT NULL )"
            + " order by RES.CREATE_TIME_ asc";
    String sql = BusinessKeySubquery.rewrite(engine);
    assertThat(sql)
        .doesNotContain(TASK_JOIN)
        .contains(
            "1 = 1 and RES.PROC_INST_ID_ in (select E.ID_ from ACT_RU_EXECUTION E where"
                + " E.BUSINESS_KEY_ = ?) )")
        .endsWith("order by RES.CREATE_TIME_ asc");
    assertThat(questionMarks(sql)).isEqualTo(questionMarks(engine));
  }

  @Test
  void aListOfKeysAndAnOrQueryAreRewrittenTheHistoricJoinToo() {
    String or =
        "select count(distinct RES.ID_) from ACT_RU_TASK RES left join ACT_RU_EXECUTION E on"
            + " RES.PROC_INST_ID_ = E.ID_"
            + AUTH
            + " WHERE ( 1 = 1 ) and ( RES.ASSIGNEE_ = ? or E.BUSINESS_KEY_ in ( ? , ? ) )";
    assertThat(BusinessKeySubquery.rewrite(or))
        .contains(
            "RES.ASSIGNEE_ = ? or RES.PROC_INST_ID_ in (select E.ID_ from ACT_RU_EXECUTION E"
                + " where E.BUSINESS_KEY_ in ( ? , ? )) )")
        .doesNotContain("join ACT_RU_EXECUTION");
    String historic =
        "select distinct RES.* from ACT_HI_TASKINST RES left join ( SELECT A.* FROM"
            + " ACT_RU_AUTHORIZATION A ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.PROC_DEF_KEY_ , '*' ))"
            + " inner join ACT_HI_PROCINST HPI ON RES.PROC_INST_ID_ = HPI.ID_ WHERE ( 1 = 1 and"
            + " HPI.BUSINESS_KEY_ = ? and RES.END_TIME_ is not null )";
    assertThat(BusinessKeySubquery.rewrite(historic))
        .contains(
            "RES.PROC_INST_ID_ in (select HPI.ID_ from ACT_HI_PROCINST HPI where HPI.BUSINESS_KEY_"
                + " = ?) and RES.END_TIME_ is not null")
        .doesNotContain("join ACT_HI_PROCINST");
  }

  @Test
  void anInstanceUsedForAnythingElseKeepsTheEnginesStatement() {
    String like =
        "select distinct RES.* from ACT_RU_TASK RES"
            + TASK_JOIN
            + " WHERE ( 1 = 1 and E.BUSINESS_KEY_ like ? ESCAPE '\\\\' )";
    assertThat(BusinessKeySubquery.rewrite(like)).isNull();
    String unfinished =
        "select distinct RES.* from ACT_HI_TASKINST RES inner join ACT_HI_PROCINST HPI ON"
            + " RES.PROC_INST_ID_ = HPI.ID_ WHERE ( 1 = 1 and HPI.BUSINESS_KEY_ = ? and"
            + " HPI.END_TIME_ is null )";
    assertThat(BusinessKeySubquery.rewrite(unfinished)).isNull();
    String twoJoins =
        "select RES.* from ACT_RU_TASK RES" + TASK_JOIN + TASK_JOIN + " WHERE E.BUSINESS_KEY_ = ?";
    assertThat(BusinessKeySubquery.rewrite(twoJoins)).isNull();
    assertThat(BusinessKeySubquery.rewrite("select * from ACT_RU_TASK RES where RES.ID_ = ?"))
        .isNull();
  }

  private static long questionMarks(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }
}
