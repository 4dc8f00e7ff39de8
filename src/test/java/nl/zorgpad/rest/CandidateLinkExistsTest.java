package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;

/** Which task statements get the candidate test as a subquery, on Camunda 7.24's statement text. */
class CandidateLinkExistsTest {

  private static final String JOIN = "left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_";
  private static final String AUTH =
      " left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join ( SELECT A.* FROM"
          + " ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') ) ) AUTH ON"
          + " (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))";

  private static final String CANDIDATE_GROUPS =
      "select count(distinct RES.ID_ ) from ACT_RU_TASK RES\n      "
          + JOIN
          + AUTH
          + " WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) ) and"
          + " RES.SUSPENSION_STATE_ = 1 ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR"
          + " (AUTH.RESOURCE_ID_ IS NOT NULL) )";

  private static final String MY_WORK =
      "select count(distinct RES.ID_ ) from ACT_RU_TASK RES "
          + JOIN
          + AUTH
          + " WHERE ( 1 = 1 ) and ( RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null and I.TYPE_ ="
          + " 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) ) and ( AUTH.RESOURCE_ID_ IS NOT NULL )";

  @Test
  void theCandidateTestBecomesASubqueryAndTheJoinGoes() {
    String sql = CandidateLinkExists.rewrite(CANDIDATE_GROUPS, new TaskQueryImpl());
    assertThat(sql)
        .doesNotContain(JOIN)
        .contains(
            "( RES.ID_ in (select I.TASK_ID_ from ACT_RU_IDENTITYLINK I where I.TASK_ID_ is not"
                + " null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) )) and RES.SUSPENSION_STATE_ =")
        .endsWith("(AUTH.RESOURCE_ID_ IS NOT NULL) )");
    assertThat(questionMarks(sql)).isEqualTo(questionMarks(CANDIDATE_GROUPS));
  }

  @Test
  void inAnOrQueryTheOtherHalfStaysOutsideTheSubquery() {
    TaskQueryImpl query = new TaskQueryImpl();
    query.or().taskAssignee("u").taskCandidateGroupIn(List.of("jgz")).endOr();
    String sql = CandidateLinkExists.rewrite(MY_WORK, query);
    assertThat(sql)
        .contains(
            "( RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null and RES.ID_ in (select I.TASK_ID_"
                + " from ACT_RU_IDENTITYLINK I where I.TASK_ID_ is not null and I.TYPE_ ="
                + " 'candidate' and"
                + " ( I.GROUP_ID_ IN ( ? ) ) )) ) and ( AUTH.RESOURCE_ID_ IS NOT NULL )");
    assertThat(questionMarks(sql)).isEqualTo(questionMarks(MY_WORK));
  }

  @Test
  void involvedUserAndWithoutCandidatesKeepTheEnginesStatement() {
    TaskQueryImpl involved = new TaskQueryImpl().taskInvolvedUser("u");
    TaskQueryImpl without = (TaskQueryImpl) new TaskQueryImpl().withoutCandidateGroups();
    TaskQueryImpl orInvolved = new TaskQueryImpl();
    orInvolved.or().taskInvolvedUser("u").taskCandidateGroup("jgz").endOr();
    for (TaskQueryImpl query : List.of(involved, without, orInvolved)) {
      assertThat(CandidateLinkExists.rewrite(CANDIDATE_GROUPS, query)).isNull();
    }
    assertThat(CandidateLinkExists.rewrite(CANDIDATE_GROUPS, null)).isNull();
  }

  @Test
  void aStatementOfAnotherShapeIsLeftAsItIs() {
    TaskQueryImpl query = new TaskQueryImpl();
    // no join; the join twice; two candidate tests; the links used elsewhere; a quote after it
    assertThat(CandidateLinkExists.rewrite("select * from ACT_RU_TASK RES", query)).isNull();
    assertThat(CandidateLinkExists.rewrite(CANDIDATE_GROUPS + " " + JOIN, query)).isNull();
    assertThat(
            CandidateLinkExists.rewrite(
                CANDIDATE_GROUPS + " and ( I.TYPE_ = 'candidate' and I.USER_ID_ = ? )", query))
        .isNull();
    assertThat(CandidateLinkExists.rewrite(CANDIDATE_GROUPS + " order by I.GROUP_ID_", query))
        .isNull();
    assertThat(
            CandidateLinkExists.rewrite(
                CANDIDATE_GROUPS.replace("I.GROUP_ID_ IN ( ? , ? )", "I.GROUP_ID_ = 'x'"), query))
        .isNull();
  }

  private static long questionMarks(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }
}
