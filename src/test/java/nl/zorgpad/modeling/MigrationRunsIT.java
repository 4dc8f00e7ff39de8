package nl.zorgpad.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A migration run is in the database (zp_migration_run, Flyway V61), not in one node's memory:
 * another CaseMigration — another node of the cluster, or this one after a restart — reports on a
 * run it did not start. (It was a map in CaseMigration: 404 on the other node.)
 */
@ZorgpadIntegrationTest
class MigrationRunsIT {

  @Autowired CaseMigration migration;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anotherNodeReportsOnARunItDidNotStart() {
    ProcessDefinition v1 = deploy("Eerste stap");
    ProcessDefinition v2 = deploy("Eerste stap, nieuw");
    ProcessInstance instance = runtimeService.startProcessInstanceById(v1.getId(), "CASE-MR-1");
    EngineUser coordinator = EngineUser.of("demo-coordinator", identityService);

    CaseMigration.Run run =
        migration.start(v1.getId(), v2.getId(), List.of(instance.getId()), coordinator);
    try {
      assertReportedElsewhere(run, instance, coordinator);
    } finally {
      // leave the shared test context as it was: no batch, no open task of this test
      managementService.deleteBatch(run.batchId(), true);
      runtimeService.deleteProcessInstance(instance.getId(), "test done");
    }
  }

  private void assertReportedElsewhere(
      CaseMigration.Run run, ProcessInstance instance, EngineUser coordinator) {
    assertThat(
            jdbc.queryForObject(
                "select started_by from zp_migration_run where batch_id = ?",
                String.class,
                run.batchId()))
        .isEqualTo("demo-coordinator");
    CaseMigration otherNode =
        new CaseMigration(
            runtimeService,
            repositoryService,
            managementService,
            historyService,
            identityService,
            transactionManager,
            new MigrationRuns(jdbc),
            java.time.Clock.systemUTC());
    CaseMigration.Report report = otherNode.report(run.batchId(), coordinator).orElseThrow();
    assertThat(report.run()).usingRecursiveComparison().ignoringFields("startedAt").isEqualTo(run);
    assertThat(report.run().startedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
        .isEqualTo(run.startedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(report.cases())
        .extracting(CaseMigration.CaseResult::processInstanceId)
        .containsExactly(instance.getId());
    assertThat(otherNode.report("no-such-batch", coordinator)).isEmpty();
  }

  private ProcessDefinition deploy(String taskName) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("it-migration-runs")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_First")
            .name(taskName)
            .camundaCandidateGroups("jgz")
            .endEvent()
            .done();
    String deployment =
        repositoryService
            .createDeployment()
            .addModelInstance("it-migration-runs.bpmn", model)
            .deploy()
            .getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }
}
