package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /casus}'s candidate query reads each way in through its own index and stops after the
 * newest rows it needs: never every involvement of the installation (a single {@code group_id in
 * … or user_id = ?} made H2 scan the table) and never every case she may see (a union without
 * limits read and sorted them all on every page view; docs/benchmarks.md).
 */
@ZorgpadIntegrationTest
class CaseCandidatesPlanIT {

  private static final List<String> GROUPS = List.of("jgz", "jgz-utrecht-west");

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseProgressReads reads;

  @Test
  void eachWayInReadsItsIndexAndTheCurrentInvolvementsInTheIndexsOrder() {
    List<EngineCaseProgressReads.CandidateQuery> branches =
        EngineCaseProgressReads.branches("demo-jgz", GROUPS, Instant.now(), 26);
    List<String> plans = new ArrayList<>();
    for (EngineCaseProgressReads.CandidateQuery branch : branches) {
      String plan =
          jdbc.queryForObject("EXPLAIN " + branch.sql(), String.class, branch.args().toArray());
      // (the coalition memberships are a small table, read once per statement)
      assertThat(plan)
          .doesNotContain("ZP_INVOLVEMENT.tableScan")
          .doesNotContain("ACT_RU_TASK.tableScan")
          .doesNotContain("ACT_RU_IDENTITYLINK.tableScan")
          .doesNotContain("ACT_HI_PROCINST.tableScan");
      plans.add(plan);
    }
    // per group: its current involvements index-sorted (newest case first, stops at the limit)
    // and its involvements that end later through the index's range
    assertThat(plans.get(0))
        .contains("IX_INVOLVEMENT_GROUP_UNTIL: GROUP_ID = ")
        .contains("index sorted");
    assertThat(plans.get(1)).contains("IX_INVOLVEMENT_GROUP_UNTIL: GROUP_ID = ");
    assertThat(plans.get(1)).contains("UNTIL_AT > ");
    assertThat(plans.get(4))
        .contains("IX_INVOLVEMENT_USER_UNTIL: USER_ID = ")
        .contains("index sorted");
  }

  @Test
  void theNewestCandidatesAreTheNewestOfEveryWayInTogether() {
    int longest = 0;
    for (String user : List.of("demo-jgz", "demo-verloskundige", "demo-buurtteam")) {
      List<String> groups =
          jdbc.queryForList(
              "select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, user);
      Instant now = Instant.now();
      List<String> all = reads.candidateCases(user, groups, now, 100_000);
      assertThat(all)
          .isSortedAccordingTo(java.util.Comparator.reverseOrder())
          .doesNotHaveDuplicates();
      assertThat(all).containsExactlyElementsOf(reference(user, groups, now));
      longest = Math.max(longest, all.size());
      for (int limit : new int[] {1, 2, 3, 5, 26}) {
        assertThat(reads.candidateCases(user, groups, now, limit))
            .as("%s, limit %d", user, limit)
            .containsExactlyElementsOf(all.subList(0, Math.min(limit, all.size())));
      }
    }
    // the limits cut somewhere: at least one of them sees more cases than limits 1 to 3
    assertThat(longest).isGreaterThan(3);
  }

  /** Every way in without limits, checked afterwards: what the list was before (the reference). */
  private List<String> reference(String user, List<String> groups, Instant instant) {
    java.time.OffsetDateTime now =
        java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    String marks = String.join(",", java.util.Collections.nCopies(groups.size(), "?"));
    List<Object> args = new ArrayList<>(groups);
    args.add(user);
    args.add(now);
    args.add(now);
    args.add(user);
    args.addAll(groups);
    args.add(user);
    args.add(user);
    return jdbc.queryForList(
        "select n from (select i.case_number n from zp_involvement i where (i.group_id in ("
            + marks
            + ") or i.user_id = ?) and (i.until_at is null or i.until_at > ?) and i.from_at <= ?"
            + " union select e.BUSINESS_KEY_ from ACT_RU_TASK t join ACT_RU_EXECUTION e"
            + " on e.ID_ = t.PROC_INST_ID_ where t.ASSIGNEE_ = ?"
            + " union select e.BUSINESS_KEY_ from ACT_RU_IDENTITYLINK l join ACT_RU_TASK t"
            + " on t.ID_ = l.TASK_ID_ join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_"
            + " where l.TYPE_ = 'candidate' and l.GROUP_ID_ in ("
            + marks
            + ")) v where n is not null"
            + " and exists (select 1 from zp_case_file cf where cf.case_number = v.n)"
            + " and not exists (select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = v.n"
            + " and p.SUPER_PROCESS_INSTANCE_ID_ is null and p.TENANT_ID_ is not null"
            + " and p.TENANT_ID_ not in (select m.TENANT_ID_ from ACT_ID_TENANT_MEMBER m"
            + " where m.USER_ID_ = ? or m.GROUP_ID_ in (select g.GROUP_ID_ from ACT_ID_MEMBERSHIP g"
            + " where g.USER_ID_ = ?))) order by n desc",
        String.class,
        args.toArray());
  }
}
