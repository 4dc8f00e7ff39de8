package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention (docs/decisions/0004-retention.md): with the engine clock moved past one process's
 * time to live, the engine's history cleanup removes that case's history and nothing else: not a
 * case whose time to live has not passed, not the demo cases, not the audit trail (which stays
 * intact).
 */
@ZorgpadIntegrationTest
class HistoryCleanupIT {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("engineAuditChain")
  HashChain chain;

  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  Deployment deployment;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    if (deployment != null) {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void cleanupRemovesWhatIsDueAndNothingElse() {
    assertThat(
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                    engine.getProcessEngineConfiguration())
                .getHistoryCleanupStrategy())
        .isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    deployment =
        repository
            .createDeployment()
            .name("retention-test")
            .addModelInstance("retention-short.bpmn", process("retention-short", 30))
            .addModelInstance("retention-long.bpmn", process("retention-long", 7305))
            .deploy();
    String shortCase = finishCase("retention-short", "RET-SHORT");
    String longCase = finishCase("retention-long", "RET-LONG");
    long otherInstances = history.createHistoricProcessInstanceQuery().count() - 2;
    long auditRecords = count("select count(*) from zp_audit_record");
    long shortCaseRecords =
        count("select count(*) from zp_audit_record where case_number = ?", "RET-SHORT");
    assertThat(shortCaseRecords).isPositive();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(shortCase).count())
        .isEqualTo(1);

    // 29 days later nothing is due yet
    ClockUtil.setCurrentTime(daysFromNow(29));
    runCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(shortCase).count())
        .isEqualTo(1);

    // 31 days later the short case is due; the long case and the demo cases are not
    ClockUtil.setCurrentTime(daysFromNow(31));
    runCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(shortCase).count())
        .isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(shortCase).count())
        .isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(shortCase).count())
        .isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(longCase).count())
        .isEqualTo(1);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(longCase).count())
        .isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().count() - 1).isEqualTo(otherInstances);
    // Zorgpad's audit trail is not engine history: kept whole, chain intact
    assertThat(count("select count(*) from zp_audit_record where case_number = ?", "RET-SHORT"))
        .isEqualTo(shortCaseRecords);
    assertThat(count("select count(*) from zp_audit_record")).isGreaterThanOrEqualTo(auditRecords);
    assertThat(chain.verify().intact()).isTrue();
  }

  private void runCleanup() {
    Job job = history.cleanUpHistoryAsync(true);
    management.executeJob(job.getId());
    List<Job> again = management.createJobQuery().jobId(job.getId()).list();
    assertThat(again).hasSizeLessThanOrEqualTo(1);
  }

  private String finishCase(String key, String businessKey) {
    String id = runtime.startProcessInstanceByKey(key, businessKey).getId();
    runtime.setVariable(id, "reviewed", true);
    tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
    return id;
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private static Date daysFromNow(int days) {
    return new Date(System.currentTimeMillis() + days * 24L * 3600 * 1000);
  }

  private static BpmnModelInstance process(String key, int days) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(days)
        .startEvent()
        .userTask("Task_Review")
        .name("Beoordelen")
        .endEvent()
        .done();
  }
}
