package nl.zorgpad.demo;

import static nl.zorgpad.pathway.PathwayVariables.CLIENT_INFORMED;
import static nl.zorgpad.pathway.PathwayVariables.CLIENT_REFERENCE;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_DECISION;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_REFUSAL_REASON;
import static nl.zorgpad.pathway.PathwayVariables.CONTACT_DATE;
import static nl.zorgpad.pathway.PathwayVariables.CONTACT_METHOD;
import static nl.zorgpad.pathway.PathwayVariables.DUE_DATE;
import static nl.zorgpad.pathway.PathwayVariables.END_REASON;
import static nl.zorgpad.pathway.PathwayVariables.GESTATIONAL_AGE_WEEKS;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_DATE;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_METHOD;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_RECIPIENTS;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_CLIENT_CONSENTED;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_DECISION;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_REQUESTING_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.REFUSAL_FOLLOW_UP;
import static nl.zorgpad.pathway.PathwayVariables.RISK_DOMAINS;
import static nl.zorgpad.pathway.PathwayVariables.SIGNALLING_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.START_MELDCODE;
import static nl.zorgpad.pathway.PathwayVariables.riskDomainsValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.zorgpad.pathway.EngineClock;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few demo cases in different states, made the way caregivers make them: each step is done
 * through the engine as the demo user of the discipline that holds the task, so history and case
 * records name real (demo) users. Client references are fictional ("DEMO-…"); no personal data.
 */
class DemoCases {

  static final String MAIN_PATHWAY = "zorgpad-kwetsbare-zwangerschap";
  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final FormService formService;
  private final TaskService taskService;
  private final CommandExecutor commands;

  DemoCases(
      IdentityService identityService,
      RepositoryService repositoryService,
      RuntimeService runtimeService,
      FormService formService,
      TaskService taskService,
      CommandExecutor commands) {
    this.commands = commands;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.formService = formService;
    this.taskService = taskService;
  }

  void ensure() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(MAIN_PATHWAY).count()
        == 0) {
      LOG.warn("Demo cases skipped: pathway {} is not deployed", MAIN_PATHWAY);
      return;
    }
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(MAIN_PATHWAY).count() > 0
        || identityService.createUserQuery().count() == 0) {
      return; // made before (demo data survives restarts)
    }
    LocalDate today = LocalDate.now(EngineClock.ENGINE);

    // 1. just signalled by the midwife: consent to be asked
    signal(
        "demo-verloskundige",
        "DEMO-VK-0101",
        today.plusWeeks(22),
        18,
        List.of("huisvesting", "armoede", "stress"));

    // 2. signalled by the buurtteam (low risk: the buurtteam keeps the overview itself, so no
    //    consent for its own regie is asked): the case is to be accepted
    signal(
        "demo-buurtteam",
        "DEMO-BT-0102",
        today.plusWeeks(16),
        24,
        List.of("schulden", "migratie-taal"));

    // 3. accepted by the regiehouder, handover to JGZ recorded: JGZ must confirm contact
    ProcessInstance third =
        signal(
            "demo-verloskundige",
            "DEMO-VK-0103",
            today.plusWeeks(12),
            28,
            List.of("ggz", "afwezige-partner"));
    work(third, "demo-verloskundige", Map.of(CONSENT_DECISION, "GIVEN"));
    accept(third, "verloskundige");
    work(third, "demo-verloskundige", Map.of(CONSENT_DECISION, "GIVEN"));
    work(
        third,
        "demo-verloskundige",
        Map.of(
            HANDOVER_METHOD,
            "telefonisch-consult",
            HANDOVER_DATE,
            today.toString(),
            CLIENT_INFORMED,
            true));

    // 4. consent refused without safety concerns: the GP confirms, case closed, refusal recorded
    ProcessInstance fourth =
        signal(
            "demo-huisarts",
            "DEMO-HA-0104",
            today.plusWeeks(20),
            20,
            List.of("verslaving", "schulden"));
    work(
        fourth,
        "demo-huisarts",
        Map.of(CONSENT_DECISION, "REFUSED", CONSENT_REFUSAL_REASON, "wil-bedenktijd"));
    work(fourth, "demo-huisarts", Map.of(REFUSAL_FOLLOW_UP, "casus-sluiten"));

    // 5. contact confirmed, home visit requested: JGZ plans the prenatal home visit
    ProcessInstance fifth =
        signal(
            "demo-verloskundige",
            "DEMO-VK-0105",
            today.plusWeeks(18),
            22,
            List.of("tienerzwangerschap", "late-start-zorg"));
    work(fifth, "demo-verloskundige", Map.of(CONSENT_DECISION, "GIVEN"));
    accept(fifth, "verloskundige");
    work(fifth, "demo-verloskundige", Map.of(CONSENT_DECISION, "GIVEN"));
    work(
        fifth,
        "demo-verloskundige",
        Map.of(
            HANDOVER_METHOD,
            "direct-gesprek",
            HANDOVER_DATE,
            today.toString(),
            CLIENT_INFORMED,
            true));
    work(fifth, "demo-jgz", Map.of(CONTACT_DATE, today.toString(), CONTACT_METHOD, "telefonisch"));
    work(
        fifth,
        "demo-verloskundige",
        Map.of(HOME_VISIT_DECISION, "aanvragen", HOME_VISIT_CLIENT_CONSENTED, true));

    // 6. finished: handed over to JGZ, contact confirmed, then the client moved away; the
    //    regiehouder ends the case and the midwife (care coordinator) informs those involved
    ProcessInstance sixth =
        signal(
            "demo-verloskundige",
            "DEMO-VK-0106",
            today.plusWeeks(14),
            26,
            List.of("ggz", "afwezige-partner"));
    work(sixth, "demo-verloskundige", Map.of(CONSENT_DECISION, "GIVEN"));
    accept(sixth, "verloskundige");
    work(sixth, "demo-verloskundige", Map.of(CONSENT_DECISION, "GIVEN"));
    work(
        sixth,
        "demo-verloskundige",
        Map.of(
            HANDOVER_METHOD,
            "telefonisch-consult",
            HANDOVER_DATE,
            today.toString(),
            CLIENT_INFORMED,
            true));
    work(sixth, "demo-jgz", Map.of(CONTACT_DATE, today.toString(), CONTACT_METHOD, "huisbezoek"));
    endCase(sixth, "demo-regiehouder", "verhuisd");
    work(sixth, holder(sixth), Map.of("involvedInformed", true));

    // 7. meldrecht (seed 001): a GP signals a homeless woman in an unsafe place who refuses all
    //    help; the triage advised the meldcode, which runs without consent: the case stays open
    ProcessInstance seventh =
        signal(
            "demo-huisarts",
            "DEMO-HA-0107",
            today.plusWeeks(10),
            30,
            List.of("huisvesting", "huiselijk-geweld"));
    workOn(
        seventh,
        "demo-huisarts",
        "Task_AskConsent",
        Map.of(CONSENT_DECISION, "REFUSED", CONSENT_REFUSAL_REASON, "wil-geen-contact"));
    LOG.info("Demo cases created");
  }

  private ProcessInstance signal(
      String user, String clientReference, LocalDate dueDate, int weeks, List<String> riskDomains) {
    String discipline = DemoUsers.ACCOUNTS.get(user)[2];
    String definitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(MAIN_PATHWAY)
            .withoutTenantId()
            .latestVersion()
            .singleResult()
            .getId();
    VariableMap variables =
        Variables.createVariables()
            .putValue(CLIENT_REFERENCE, clientReference)
            .putValue(DUE_DATE, dueDate.toString())
            .putValue(GESTATIONAL_AGE_WEEKS, (long) weeks)
            .putValueTyped(RISK_DOMAINS, riskDomainsValue(riskDomains))
            .putValue(SIGNALLING_DISCIPLINE, discipline);
    return as(user, () -> formService.submitStartForm(definitionId, variables));
  }

  /** The regiehouder accepts the case and hands it over to JGZ. */
  private void accept(ProcessInstance caseInstance, String homeVisitRequester) {
    work(
        caseInstance,
        "demo-regiehouder",
        Map.of(
            HANDOVER_RECIPIENTS,
            List.of("jgz"),
            HOME_VISIT_REQUESTING_DISCIPLINE,
            homeVisitRequester,
            START_MELDCODE,
            false));
  }

  /**
   * The message CasusBeeindigen as the user sends it through the case API: the API checks her
   * involvement and then correlates without the engine's authorization check (the demo does the
   * same, as the user, so the operation log names her).
   */
  private void endCase(ProcessInstance caseInstance, String user, String reason) {
    as(
        user,
        () ->
            commands.execute(
                commandContext -> {
                  commandContext.disableAuthorizationCheck();
                  try {
                    return runtimeService
                        .createMessageCorrelation("CasusBeeindigen")
                        .processInstanceBusinessKey(caseInstance.getBusinessKey())
                        .setVariable(END_REASON, reason)
                        .correlateAllWithResult();
                  } finally {
                    commandContext.enableAuthorizationCheck();
                  }
                }));
  }

  /** The demo user whose team or discipline holds the one open task of the case. */
  private String holder(ProcessInstance caseInstance) {
    return DemoUsers.ACCOUNTS.keySet().stream()
        .filter(
            user ->
                taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(caseInstance.getBusinessKey())
                        .taskCandidateUser(user)
                        .count()
                    == 1)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no demo user holds the open task of " + caseInstance.getBusinessKey()));
  }

  /** Claims and completes the one open task of the case that the user (her team or discipline) holds. */
  private void work(ProcessInstance caseInstance, String user, Map<String, Object> variables) {
    as(
        user,
        () -> {
          Task task =
              taskService
                  .createTaskQuery()
                  .processInstanceBusinessKey(caseInstance.getBusinessKey())
                  .taskCandidateUser(user)
                  .singleResult();
          taskService.claim(task.getId(), user);
          taskService.complete(task.getId(), variables);
          return null;
        });
  }

  /** Claims and completes the user's open task of the case with this definition key. */
  private void workOn(
      ProcessInstance caseInstance, String user, String taskKey, Map<String, Object> variables) {
    as(
        user,
        () -> {
          Task task =
              taskService
                  .createTaskQuery()
                  .processInstanceBusinessKey(caseInstance.getBusinessKey())
                  .taskDefinitionKey(taskKey)
                  .taskCandidateUser(user)
                  .singleResult();
          taskService.claim(task.getId(), user);
          taskService.complete(task.getId(), variables);
          return null;
        });
  }

  private <T> T as(String user, java.util.function.Supplier<T> action) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
