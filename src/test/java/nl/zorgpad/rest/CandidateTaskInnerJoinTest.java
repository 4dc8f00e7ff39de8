package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;

/** Which task queries get the inner join, on the statement text Camunda 7.24 writes. */
class CandidateTaskInnerJoinTest {

  private static final String ENGINE_SQL =
      "select count(distinct RES.ID_ ) from ACT_RU_TASK RES\n"
          + "      left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_\n"
          + " left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ WHERE ( 1 = 1 and ( I.TYPE_ ="
          + " 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) ) and RES.SUSPENSION_STATE_ = 1 )";

  @Test
  void aCandidateGroupQueryGetsTheInnerJoinAndNothingElseChanges() {
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskCandidateGroupIn(List.of("jgz", "jgz-utrecht-west"));
    String sql = CandidateTaskInnerJoin.rewrite(ENGINE_SQL, query);
    assertThat(sql)
        .isEqualTo(
            ENGINE_SQL.replace(
                "left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_",
                "inner join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_"));
  }

  @Test
  void candidateUserGroupLikeAndWithCandidatesToo() {
    assertThat(CandidateTaskInnerJoin.innerJoinIsEquivalent(query().taskCandidateUser("u")))
        .isTrue();
    assertThat(CandidateTaskInnerJoin.innerJoinIsEquivalent(query().taskCandidateGroup("jgz")))
        .isTrue();
    assertThat(
            CandidateTaskInnerJoin.innerJoinIsEquivalent(
                (TaskQueryImpl) query().taskCandidateGroupLike("jgz%")))
        .isTrue();
    assertThat(
            CandidateTaskInnerJoin.innerJoinIsEquivalent(
                (TaskQueryImpl) query().withCandidateGroups()))
        .isTrue();
    assertThat(
            CandidateTaskInnerJoin.innerJoinIsEquivalent(
                (TaskQueryImpl) query().withCandidateUsers()))
        .isTrue();
  }

  @Test
  void orQueriesInvolvedUserAndQueriesWithoutACandidateCriterionKeepTheLeftJoin() {
    TaskQueryImpl or = query();
    or.or().taskAssignee("u").taskCandidateGroupIn(List.of("jgz")).endOr();
    TaskQueryImpl involved = query().taskInvolvedUser("u");
    involved.taskCandidateGroup("jgz");
    for (TaskQueryImpl query :
        List.of(
            or,
            involved,
            (TaskQueryImpl) query().withoutCandidateGroups(),
            (TaskQueryImpl) query().active())) {
      assertThat(CandidateTaskInnerJoin.innerJoinIsEquivalent(query)).isFalse();
      assertThat(CandidateTaskInnerJoin.rewrite(ENGINE_SQL, query)).isNull();
    }
    assertThat(CandidateTaskInnerJoin.rewrite(ENGINE_SQL, null)).isNull();
  }

  @Test
  void aStatementWithoutTheJoinOrWithItTwiceIsLeftAsItIs() {
    TaskQueryImpl query = query().taskCandidateGroup("jgz");
    assertThat(CandidateTaskInnerJoin.rewrite("select * from ACT_RU_TASK RES", query)).isNull();
    assertThat(CandidateTaskInnerJoin.rewrite(ENGINE_SQL + " " + ENGINE_SQL, query)).isNull();
  }

  private static TaskQueryImpl query() {
    return new TaskQueryImpl();
  }
}
