package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up step creates the task parent index, a second run changes nothing, and H2 reads the
 * engine's subtask lookup of a completion (Task.xml's statement) from it instead of every open
 * task.
 */
@ZorgpadIntegrationTest
class TaskParentIndexIT {

  @Autowired TaskParentIndex step;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theIndexExistsAndAnotherStartLeavesItAsItIs() {
    assertThat(indexes()).isEqualTo(1);
    step.run();
    assertThat(indexes()).isEqualTo(1);
  }

  @Test
  void theSubtaskLookupOfACompletionReadsTheIndex() {
    String plan =
        jdbc.queryForObject(
            "EXPLAIN select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?", String.class, "x");
    assertThat(plan).contains(TaskParentIndex.NAME).doesNotContain("tableScan");
  }

  private Integer indexes() {
    return jdbc.queryForObject(
        "select count(*) from INFORMATION_SCHEMA.INDEXES where TABLE_NAME = 'ACT_RU_TASK'"
            + " and INDEX_NAME = ?",
        Integer.class,
        TaskParentIndex.NAME);
  }
}
