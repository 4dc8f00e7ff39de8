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
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_OPT_OUT_REASON;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_REQUESTING_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.REFUSAL_FOLLOW_UP;
import static nl.zorgpad.pathway.PathwayVariables.RISK_DOMAINS;
import static nl.zorgpad.pathway.PathwayVariables.SIGNALLING_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.START_MELDCODE;
import static nl.zorgpad.pathway.PathwayVariables.riskDomainsValue;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.zorgpad.casus.ClientDetails;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.startup.StartupStep;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Twelve months of demo cases for the monitor (issue 14), made through the pathways as the demo
 * users with the engine clock moved back to the day of each step: signals from several
 * disciplines, consent given or refused, handovers confirmed, home visits requested or not
 * needed, cases ended early, and the wijk from a (made-up) postcode on the client page. Made once
 * per database (the demo data is kept in the H2 file); client references are "DEMO-M-…".
 * Off in the tests ({@code zorgpad.demo.monitor-cases: false} in application-test.yaml) except
 * where a test asks for it (MonitorBrowserIT): other tests count the demo cases.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(
    name = "zorgpad.demo.monitor-cases",
    havingValue = "true",
    matchIfMissing = true)
@Order(StartupStep.DEMO + 40)
class DemoMonitorCases implements StartupStep {

  static final int MONTHS = 13;
  static final int SHARED_PER_MONTH = 12;
  static final int ZEIST_PER_MONTH = 3;
  private static final Logger LOG = LoggerFactory.getLogger(DemoMonitorCases.class);

  private static final String[] SIGNALLERS = {
    "demo-verloskundige",
    "demo-huisarts",
    "demo-verloskundige",
    "demo-buurtteam",
    "demo-verloskundige",
    "demo-huisarts"
  };
  private static final String[][] DOMAINS = {
    {"huisvesting", "armoede"},
    {"stress", "ggz"},
    {"huisvesting", "schulden", "stress"},
    {"migratie-taal", "armoede"},
    {"ggz"},
    {"armoede", "stress"},
    {"tienerzwangerschap", "afwezige-partner"},
    {"huisvesting"}
  };

  /** Postcodes of the demo sociale kaart: Lombok, Overvecht, Amersfoort Noord. */
  private static final String[] POSTCODES = {"3531AB", "3561CD", "3531KL", "3823EF", "3562GH"};

  private static final String[] OPT_OUT = {
    "al-in-zorg-jgz", "voldoende-steun", "andere-hulp-loopt"
  };

  private final IdentityService identity;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final FormService forms;
  private final TaskService tasks;
  private final CommandExecutor commands;
  private final DossierService dossier;
  private final JdbcTemplate jdbc;
  private final java.time.Clock clock;

  DemoMonitorCases(
      ProcessEngine engine, DossierService dossier, JdbcTemplate jdbc, java.time.Clock clock) {
    this.clock = clock;
    this.identity = engine.getIdentityService();
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.forms = engine.getFormService();
    this.tasks = engine.getTaskService();
    this.commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    this.dossier = dossier;
    this.jdbc = jdbc;
  }

  @Override
  public void run() {
    Integer made =
        jdbc.queryForObject(
            "select count(*) from zp_case_file where client_reference like 'DEMO-M-%'",
            Integer.class);
    if (made != null && made > 0
        || repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(DemoCases.MAIN_PATHWAY)
                .count()
            == 0) {
      return;
    }
    long started = System.nanoTime();
    int cases = 0;
    int failed = 0;
    LocalDate today = LocalDate.now(clock.withZone(ZorgpadTime.ZONE));
    try {
      for (int back = MONTHS - 1; back >= 0; back--) {
        LocalDate month = today.minusMonths(back).withDayOfMonth(1);
        if (back < MONTHS - 1 && month.getYear() != month.minusMonths(1).getYear()) {
          restoreCaseNumberCounter(month.getYear()); // from last year's cases into this year's
        }
        // more signals in later months: the trend of a coalition that gets known
        int shared = SHARED_PER_MONTH - (back > 8 ? 2 : 0);
        for (int i = 0; i < shared + ZEIST_PER_MONTH; i++) {
          int n = cases + failed;
          LocalDate day = month.plusDays((i * 2L) % 27);
          if (day.isAfter(today.minusDays(7))) {
            day = today.minusDays(7 + (i % 5));
          }
          try {
            if (i < shared) {
              sharedCase(n, day, back);
            } else {
              zeistCase(n, day);
            }
            cases++;
          } catch (RuntimeException e) {
            failed++;
            LOG.warn("Demo monitor case {} not made: {}", n, e.getMessage());
          }
        }
      }
    } finally {
      ClockUtil.reset();
      restoreCaseNumberCounter(today.getYear());
    }
    LOG.info(
        "Demo monitor cases: {} made ({} failed) in {} ms",
        cases,
        failed,
        (System.nanoTime() - started) / 1_000_000);
  }

  private void sharedCase(int n, LocalDate day, int monthsBack) {
    String signaller = SIGNALLERS[n % SIGNALLERS.length];
    String discipline = DemoUsers.ACCOUNTS.get(signaller)[2];
    ProcessInstance instance =
        signal(signaller, "DEMO-M-" + n, day, 14 + n % 16, DOMAINS[n % DOMAINS.length]);
    String caseNumber = instance.getBusinessKey();
    int scenario = n % 10;
    if (!discipline.equals("buurtteam") && scenario != 9) {
      if (scenario == 3 || scenario == 7 && monthsBack % 2 == 0) {
        at(day.plusDays(1));
        workOn(
            caseNumber,
            signaller,
            "Task_AskConsent",
            Map.of(
                CONSENT_DECISION,
                "REFUSED",
                CONSENT_REFUSAL_REASON,
                n % 4 == 0 ? "wil-bedenktijd" : "wil-geen-contact"));
        workOn(
            caseNumber,
            signaller,
            "Task_ConfirmClosingWithoutConsent",
            Map.of(REFUSAL_FOLLOW_UP, "casus-sluiten"));
      } else {
        at(day.plusDays(1));
        workOn(caseNumber, signaller, "Task_AskConsent", Map.of(CONSENT_DECISION, "GIVEN"));
        at(day.plusDays(2));
        workOn(
            caseNumber,
            "demo-regiehouder",
            "Task_AcceptCase",
            Map.of(
                HANDOVER_RECIPIENTS,
                List.of("jgz"),
                HOME_VISIT_REQUESTING_DISCIPLINE,
                "verloskundige",
                START_MELDCODE,
                false));
        workOn(caseNumber, signaller, "Task_AskConsent", Map.of(CONSENT_DECISION, "GIVEN"));
        at(day.plusDays(3));
        workOn(
            caseNumber,
            signaller,
            "Task_RecordHandover",
            Map.of(
                HANDOVER_METHOD,
                "telefonisch-consult",
                HANDOVER_DATE,
                day.plusDays(3).toString(),
                CLIENT_INFORMED,
                true));
        if (scenario != 5 || monthsBack == 0) {
          LocalDate contact = day.plusDays(4 + n % 6);
          at(contact);
          workOn(
              caseNumber,
              "demo-jgz",
              "Task_ConfirmContact",
              Map.of(
                  CONTACT_DATE,
                  contact.toString(),
                  CONTACT_METHOD,
                  n % 2 == 0 ? "telefonisch" : "huisbezoek"));
          at(contact.plusDays(1));
          Map<String, Object> decision = new HashMap<>();
          if (n % 3 == 2) {
            decision.put(HOME_VISIT_DECISION, "niet-nodig");
            decision.put(HOME_VISIT_OPT_OUT_REASON, OPT_OUT[n % OPT_OUT.length]);
          } else {
            decision.put(HOME_VISIT_DECISION, "aanvragen");
            decision.put(HOME_VISIT_CLIENT_CONSENTED, true);
          }
          workOn(caseNumber, signaller, "Task_DecideHomeVisit", decision);
        }
        if (monthsBack >= 4 && (scenario == 2 || scenario == 6)) {
          at(day.plusDays(40));
          endCase(
              caseNumber,
              "demo-regiehouder",
              scenario == 2 ? "verhuisd" : "client-trekt-zich-terug");
        }
      }
    }
    if (n % 7 != 6) { // a few cases have no postcode yet: wijk unknown
      as(
          signaller,
          () -> {
            withUser(
                signaller,
                () ->
                    dossier.saveClient(
                        caseNumber,
                        new ClientDetails(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            POSTCODES[n % POSTCODES.length],
                            null,
                            null),
                        null));
            return null;
          });
    }
  }

  private void zeistCase(int n, LocalDate day) {
    String user = "demo-verloskundige-zeist";
    ProcessInstance instance =
        signal(user, "DEMO-M-" + n, day, 16 + n % 12, DOMAINS[(n + 3) % DOMAINS.length]);
    if (n % 2 == 0) {
      at(day.plusDays(1));
      workOn(instance.getBusinessKey(), user, "Task_AskConsent", Map.of(CONSENT_DECISION, "GIVEN"));
    }
  }

  private ProcessInstance signal(
      String user, String reference, LocalDate day, int weeks, String[] domains) {
    at(day);
    String definitionId =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(DemoCases.MAIN_PATHWAY)
            .withoutTenantId()
            .latestVersion()
            .singleResult()
            .getId();
    VariableMap variables =
        Variables.createVariables()
            .putValue(CLIENT_REFERENCE, reference)
            .putValue(DUE_DATE, day.plusWeeks(40L - weeks).toString())
            .putValue(GESTATIONAL_AGE_WEEKS, (long) weeks)
            .putValueTyped(RISK_DOMAINS, riskDomainsValue(List.of(domains)))
            .putValue(SIGNALLING_DISCIPLINE, DemoUsers.ACCOUNTS.get(user)[2]);
    return as(user, () -> forms.submitStartForm(definitionId, variables));
  }

  private void endCase(String caseNumber, String user, String reason) {
    as(
        user,
        () ->
            commands.execute(
                commandContext -> {
                  commandContext.disableAuthorizationCheck();
                  try {
                    return runtime
                        .createMessageCorrelation("CasusBeeindigen")
                        .processInstanceBusinessKey(caseNumber)
                        .setVariable(END_REASON, reason)
                        .correlateAllWithResult();
                  } finally {
                    commandContext.enableAuthorizationCheck();
                  }
                }));
  }

  /**
   * Completes the case's open task with this key as the demo user who holds it (the triage
   * decides who that is); false when the pathway did not ask for the task.
   */
  private boolean workOn(
      String caseNumber, String preferred, String taskKey, Map<String, Object> variables) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskDefinitionKey(taskKey)
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    if (task == null) {
      return false;
    }
    String user =
        tasks.createTaskQuery().taskId(task.getId()).taskCandidateUser(preferred).count() > 0
            ? preferred
            : DemoUsers.ACCOUNTS.keySet().stream()
                .filter(
                    u ->
                        tasks.createTaskQuery().taskId(task.getId()).taskCandidateUser(u).count()
                            > 0)
                .findFirst()
                .orElse(null);
    if (user == null) {
      return false;
    }
    as(
        user,
        () -> {
          tasks.claim(task.getId(), user);
          tasks.complete(task.getId(), variables);
          return null;
        });
    return true;
  }

  /**
   * Case numbers are ZP-year-sequence and the counter follows the clock: after cases of last
   * year, the counter is put back to this year's highest number, so that the next case (and
   * every real one after the demo) gets a free number.
   */
  private void restoreCaseNumberCounter(int year) {
    Integer last =
        jdbc.queryForObject(
            "select max(cast(substring(case_number, 9) as integer))"
                + " from zp_case_file where case_number like ?",
            Integer.class,
            "ZP-" + year + "-%");
    jdbc.update(
        "update zp_case_number_counter set counter_year = ?, last_number = ?"
            + " where counter_id = 'case-file'",
        year,
        last == null ? 0 : last);
  }

  /** Moves the engine clock to 10:00 on that day (Dutch time). */
  private static void at(LocalDate day) {
    ZonedDateTime time = day.atTime(10, 0).atZone(ZorgpadTime.ZONE);
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  private <T> T as(String user, Supplier<T> action) {
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    // with her coalitions as tenants, as a login has them: a task of a coalition's own pathway
    // belongs to that tenant, and without it the engine refused the step (ENGINE-13034)
    List<String> tenants =
        identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
            .map(t -> t.getId())
            .toList();
    identity.setAuthentication(user, groups, tenants);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The dossier asks Spring Security who is working (need-to-know, access log). */
  private void withUser(String user, Runnable action) {
    List<SimpleGrantedAuthority> authorities =
        identity.createGroupQuery().groupMember(user).list().stream()
            .map(g -> new SimpleGrantedAuthority("GROUP_" + g.getId()))
            .toList();
    SecurityContextHolder.getContext()
        .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
    try {
      action.run();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
