package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /casus}'s candidate query reads each way in through its own index: never every
 * involvement of the installation (a single {@code group_id in … or user_id = ?} made H2 scan the
 * table on every page view; docs/benchmarks.md).
 */
@ZorgpadIntegrationTest
class CaseCandidatesPlanIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseProgressReads reads;

  @Test
  void theInvolvementsAreReadByTheirIndexesNotScanned() {
    List<String> groups = List.of("jgz", "jgz-utrecht-west");
    String plan =
        jdbc.queryForObject(
            "EXPLAIN " + EngineCaseProgressReads.candidates(groups.size()),
            String.class,
            EngineCaseProgressReads.candidateArgs("demo-jgz", groups, Instant.now()).toArray());
    assertThat(plan)
        .contains("IX_INVOLVEMENT_GROUP_UNTIL: GROUP_ID IN(")
        .contains("IX_INVOLVEMENT_USER_UNTIL: USER_ID = ")
        .doesNotContain("ZP_INVOLVEMENT.tableScan")
        .doesNotContain("ACT_RU_TASK.tableScan");
  }

  @Test
  void theDemoNurseSeesHerCasesNewestFirst() {
    List<String> cases =
        reads.candidateCases("demo-jgz", List.of("jgz", "jgz-utrecht-west"), Instant.now());
    assertThat(cases).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }
}
