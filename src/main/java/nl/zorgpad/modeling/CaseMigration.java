package nl.zorgpad.modeling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases of a pathway version onto another version with the engine's migration API
 * (Cockpit's migration screen is enterprise-only in Camunda 7). The plan maps equal activities;
 * the preview tries each case for real inside a transaction that is rolled back, so "can move" is
 * the engine's own verdict; the run is an engine batch started with the coordinator's engine
 * authentication (MIGRATE_INSTANCE on both definitions, batch creation).
 *
 * <p>Custom listeners and input/output mappings of scopes that migration adds or removes are
 * skipped, in the preview and the run alike: moving a case must not close or start care steps.
 */
@Component
public class CaseMigration {

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final TransactionTemplate transactions;

  /** The runs started (the per-case report needs the case list of a batch): in the database. */
  private final MigrationRuns runs;

  private final Clock clock;

  CaseMigration(
      RuntimeService runtimeService,
      RepositoryService repositoryService,
      ManagementService managementService,
      HistoryService historyService,
      IdentityService identityService,
      PlatformTransactionManager transactionManager,
      MigrationRuns runs,
      Clock clock) {
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.transactions = new TransactionTemplate(transactionManager);
    this.runs = runs;
  }

  /** A case in the preview: where it stands now and whether the engine lets it move. */
  public record CasePreview(
      String processInstanceId,
      String caseNumber,
      List<String> steps,
      boolean canMigrate,
      List<String> reasons) {}

  public record Preview(
      ProcessDefinition source,
      ProcessDefinition target,
      List<String> planProblems,
      List<CasePreview> cases) {

    public long movable() {
      return cases.stream().filter(CasePreview::canMigrate).count();
    }
  }

  public record Run(
      String batchId,
      String sourceDefinitionId,
      String targetDefinitionId,
      List<String> processInstanceIds,
      String startedBy,
      Instant startedAt) {}

  public record CaseResult(
      String processInstanceId, String caseNumber, String outcome, String detail) {}

  public record Report(
      Run run,
      ProcessDefinition source,
      ProcessDefinition target,
      boolean finished,
      int totalJobs,
      int completedJobs,
      int failedJobs,
      List<CaseResult> cases) {}

  public Preview preview(String sourceDefinitionId, String targetDefinitionId, EngineUser user) {
    ProcessDefinition source = definition(sourceDefinitionId);
    ProcessDefinition target = definition(targetDefinitionId);
    // decision 0005: she moves the cases of the coalition(s) she looks after, nobody else's
    List<ProcessInstance> instances =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionId(sourceDefinitionId)
            .orderByProcessInstanceId()
            .asc()
            .list()
            .stream()
            .filter(instance -> user.manages(instance.getTenantId()))
            .toList();
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(sourceDefinitionId);
    MigrationPlan plan;
    try {
      plan = user.run(identityService, () -> buildPlan(sourceDefinitionId, targetDefinitionId));
    } catch (MigrationPlanValidationException e) {
      List<String> problems = new ArrayList<>();
      for (MigrationInstructionValidationReport report :
          e.getValidationReport().getInstructionReports()) {
        String step = stepName(sourceModel, report.getMigrationInstruction().getSourceActivityId());
        report
            .getFailures()
            .forEach(
                failure ->
                    problems.add(
                        nl.zorgpad.refusal.DutchText.of(
                            "modeling.migration.stepCannot", step, failure)));
      }
      List<CasePreview> cases =
          instances.stream()
              .map(
                  instance ->
                      new CasePreview(
                          instance.getId(),
                          instance.getBusinessKey(),
                          steps(sourceModel, instance.getId()),
                          false,
                          List.of(nl.zorgpad.refusal.DutchText.of("modeling.migration.noPlan"))))
              .toList();
      return new Preview(source, target, problems, cases);
    }
    List<CasePreview> cases = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      cases.add(tryCase(plan, instance, sourceModel, target, user));
    }
    return new Preview(source, target, List.of(), cases);
  }

  /** Starts the batch for the given cases; returns the run (batch id for the progress page). */
  public Run start(
      String sourceDefinitionId,
      String targetDefinitionId,
      List<String> processInstanceIds,
      EngineUser user) {
    if (processInstanceIds.isEmpty()) {
      throw new IllegalArgumentException("No cases to migrate");
    }
    for (String id : processInstanceIds) {
      ProcessInstance instance =
          runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (instance == null) {
        // a batch for an unknown case would only fail later in the job executor
        throw new nl.zorgpad.refusal.RefusalException(
            404,
            "unknown-case",
            "No running case with process instance " + id,
            nl.zorgpad.refusal.DutchText.of("modeling.migration.unknownCase"));
      }
      if (!user.manages(instance.getTenantId())) {
        throw new CoalitionRefusedException(
            "User "
                + user.userId()
                + " may not migrate case "
                + id
                + " of tenant "
                + instance.getTenantId(),
            nl.zorgpad.refusal.DutchText.of(
                "modeling.migration.otherCoalition", instance.getBusinessKey()));
      }
    }
    Batch batch =
        user.run(
            identityService,
            () ->
                runtimeService
                    .newMigration(buildPlan(sourceDefinitionId, targetDefinitionId))
                    .processInstanceIds(processInstanceIds)
                    .skipCustomListeners()
                    .skipIoMappings()
                    .executeAsync());
    Run run =
        new Run(
            batch.getId(),
            sourceDefinitionId,
            targetDefinitionId,
            List.copyOf(processInstanceIds),
            user.userId(),
            clock.instant());
    runs.save(run);
    return run;
  }

  /**
   * The report of a run, for a coordinator who manages the coalition of its cases (the same rule
   * as for starting it); empty for an unknown run or another coalition's.
   */
  public java.util.Optional<Report> report(String batchId, EngineUser user) {
    Run run = runs.find(batchId).orElse(null);
    if (run == null
        || !run.processInstanceIds().isEmpty()
            && historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(new java.util.HashSet<>(run.processInstanceIds()))
                .list()
                .stream()
                .anyMatch(instance -> !user.manages(instance.getTenantId()))) {
      return java.util.Optional.empty();
    }
    BatchStatistics statistics =
        managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
    HistoricBatch historic =
        historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
    boolean finished = statistics == null && historic != null && historic.getEndTime() != null;
    List<String> failures = new ArrayList<>();
    if (statistics != null) {
      for (Job job :
          managementService
              .createJobQuery()
              .jobDefinitionId(statistics.getBatchJobDefinitionId())
              .withException()
              .list()) {
        failures.add(job.getExceptionMessage());
      }
    }
    BpmnModelInstance sourceModel =
        repositoryService.getBpmnModelInstance(run.sourceDefinitionId());
    List<CaseResult> cases = new ArrayList<>();
    for (String id : run.processInstanceIds()) {
      ProcessInstance instance =
          runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (instance == null) {
        cases.add(new CaseResult(id, null, "ENDED", null));
      } else if (instance.getProcessDefinitionId().equals(run.targetDefinitionId())) {
        cases.add(new CaseResult(id, instance.getBusinessKey(), "MIGRATED", null));
      } else if (finished
          || (statistics != null
              && statistics.getFailedJobs() > 0
              && statistics.getRemainingJobs() == statistics.getFailedJobs())) {
        cases.add(
            new CaseResult(
                id,
                instance.getBusinessKey(),
                "FAILED",
                String.join("; ", steps(sourceModel, id))
                    + (failures.isEmpty()
                        ? ""
                        : " – " + String.join("; ", new LinkedHashSet<>(failures)))));
      } else {
        cases.add(new CaseResult(id, instance.getBusinessKey(), "PENDING", null));
      }
    }
    int total =
        statistics != null
            ? statistics.getTotalJobs()
            : historic != null ? historic.getTotalJobs() : 0;
    int completed = statistics != null ? statistics.getCompletedJobs() : total;
    int failed = statistics != null ? statistics.getFailedJobs() : 0;
    return java.util.Optional.of(
        new Report(
            run,
            definition(run.sourceDefinitionId()),
            definition(run.targetDefinitionId()),
            finished,
            total,
            completed,
            failed,
            cases));
  }

  private MigrationPlan buildPlan(String sourceDefinitionId, String targetDefinitionId) {
    return runtimeService
        .createMigrationPlan(sourceDefinitionId, targetDefinitionId)
        .mapEqualActivities()
        .updateEventTriggers()
        .build();
  }

  /** Migrates one case in a transaction that is always rolled back: the engine's verdict. */
  private CasePreview tryCase(
      MigrationPlan plan,
      ProcessInstance instance,
      BpmnModelInstance sourceModel,
      ProcessDefinition target,
      EngineUser user) {
    List<String> steps = steps(sourceModel, instance.getId());
    List<String> reasons = new ArrayList<>();
    if (target.getTenantId() != null && !target.getTenantId().equals(instance.getTenantId())) {
      // the engine refuses this too; say why in Dutch (decision 0005)
      reasons.add(
          nl.zorgpad.refusal.DutchText.of(
              "modeling.migration.notThisCoalition", target.getTenantId()));
      return new CasePreview(instance.getId(), instance.getBusinessKey(), steps, false, reasons);
    }
    transactions.executeWithoutResult(
        status -> {
          try {
            user.run(
                identityService,
                () -> {
                  runtimeService
                      .newMigration(plan)
                      .processInstanceIds(instance.getId())
                      .skipCustomListeners()
                      .skipIoMappings()
                      .execute();
                  return null;
                });
          } catch (MigratingProcessInstanceValidationException e) {
            reasons.addAll(reasons(e.getValidationReport(), sourceModel, target));
          } catch (ProcessEngineException e) {
            reasons.add(e.getMessage());
          } finally {
            status.setRollbackOnly();
          }
        });
    return new CasePreview(
        instance.getId(), instance.getBusinessKey(), steps, reasons.isEmpty(), reasons);
  }

  private List<String> reasons(
      MigratingProcessInstanceValidationReport report,
      BpmnModelInstance sourceModel,
      ProcessDefinition target) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      reasons.add(
          reason(
              activity.getSourceScopeId(),
              activity.getMigrationInstruction() == null,
              activity.getFailures(),
              sourceModel,
              target));
    }
    for (MigratingTransitionInstanceValidationReport transition :
        report.getTransitionInstanceReports()) {
      reasons.add(
          reason(
              transition.getSourceScopeId(),
              transition.getMigrationInstruction() == null,
              transition.getFailures(),
              sourceModel,
              target));
    }
    return reasons;
  }

  private String reason(
      String scopeId,
      boolean unmapped,
      List<String> failures,
      BpmnModelInstance sourceModel,
      ProcessDefinition target) {
    String step = stepName(sourceModel, scopeId);
    if (unmapped) {
      return nl.zorgpad.refusal.DutchText.of(
          "modeling.migration.stepGone", step, String.valueOf(target.getVersion()));
    }
    return nl.zorgpad.refusal.DutchText.of(
        "modeling.migration.stepFailed", step, String.join("; ", failures));
  }

  private List<String> steps(BpmnModelInstance model, String processInstanceId) {
    Set<String> ids = new LinkedHashSet<>(runtimeService.getActiveActivityIds(processInstanceId));
    return ids.stream().map(id -> stepName(model, id)).toList();
  }

  private static String stepName(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = model.getModelElementById(activityId);
    String name = element instanceof FlowElement flow ? flow.getName() : null;
    return "'" + (name == null || name.isBlank() ? activityId : name.strip()) + "'";
  }

  private ProcessDefinition definition(String id) {
    return repositoryService.getProcessDefinition(id);
  }
}
