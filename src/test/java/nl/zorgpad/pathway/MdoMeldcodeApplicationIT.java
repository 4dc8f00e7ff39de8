package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.Signal;
import nl.zorgpad.consent.RightToReportService;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The MDO and meldcode pathways in the running application: deployed with their decision, and every bean their listeners name exists (a missing bean would only show when a case
 * reaches that step).
 */
@ZorgpadIntegrationTest
class MdoMeldcodeApplicationIT {

  static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)[.}]");

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseFileService caseFiles;
  @Autowired RightToReportService rightToReport;
  @Autowired Deadlines deadlines;

  @Test
  void everyBeanTheListenersNameExists() throws Exception {
    for (String file : List.of("processes/zorgpad-mdo.bpmn", "processes/zorgpad-meldcode.bpmn")) {
      String xml = Files.readString(Path.of(file));
      Matcher listener =
          Pattern.compile("(delegateExpression|expression)=\"([^\"]+)\"").matcher(xml);
      while (listener.find()) {
        Matcher bean = BEAN.matcher(listener.group(2));
        assertThat(bean.find()).as(listener.group(2)).isTrue();
        String name = bean.group(1);
        if (!name.equals("execution")) {
          assertThat(context.containsBean(name)).as("bean %s of %s", name, file).isTrue();
        }
      }
    }
  }

  @Test
  void pathwaysAndDecisionAreDeployed() {
    for (String key : List.of("zorgpad-mdo", "zorgpad-meldcode")) {
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count())
          .as(key)
          .isOne();
    }
    assertThat(
            repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("zorgpad-afwegingskader")
                .count())
        .isOne();
  }

  @Test
  void reportToVeiligThuisIsRecordedInTheDatabaseUnderTheMeldrecht() {
    String caseNumber = openCase();
    ProcessInstance meldcode =
        runtimeService.startProcessInstanceByKey(
            "zorgpad-meldcode",
            caseNumber,
            Map.of("caseNumber", caseNumber, "meldcodeStartedBy", "verloskundige"));
    String today = deadlines.now().toLocalDate().toString();
    complete(
        meldcode,
        Map.of(
            "meldcodeSignals",
            SpinValues.jsonValue("[\"partnergeweld\"]").create(),
            "meldcodeKindcheck",
            "alleen-ongeboren-kind"));
    complete(
        meldcode,
        Map.of(
            "meldcodeColleagueConsulted",
            true,
            "meldcodeVeiligThuisAdvice",
            "op-naam",
            "meldcodeTalkSafe",
            "nee",
            "meldcodeTalkSkippedReason",
            "gevaar-client"));
    complete(meldcode, Map.of("meldcodeSuspicion", "ja", "meldcodeUnsafety", "ja"));
    complete(
        meldcode,
        Map.of(
            "meldcodeReportDate",
            today,
            "meldcodeClientInformedOfReport",
            "niet-geinformeerd-gevaar",
            "meldcodeHelpAlongside",
            "nee"));

    assertThat(rightToReport.recordsOf(caseNumber))
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLegalGround()).isEqualTo("wmo-2015-art-5.2.6");
              assertThat(record.getReportingDiscipline()).isEqualTo("verloskundige");
            });
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(meldcode.getId())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo("Task_AwaitVeiligThuisContact");
  }

  @Test
  void mdoActionPointsBecomeTasksInTheRunningApplication() {
    String caseNumber = openCase();
    ProcessInstance mdo =
        runtimeService.startProcessInstanceByKey(
            "zorgpad-mdo",
            caseNumber,
            Map.of("caseNumber", caseNumber, "mdoRequestingDiscipline", "regiehouder"));
    LocalDate today = deadlines.now().toLocalDate();
    // an MDO today: the chair says the participants still prepare (issue 11)
    complete(
        mdo,
        Map.of(
            "mdoParticipants",
            SpinValues.jsonValue("[\"jgz\"]").create(),
            "mdoMeetingDate",
            today.toString(),
            "mdoPreparation",
            "voorbereiden"));
    complete(mdo, Map.of("mdoAttendance", "aanwezig"));
    complete(
        mdo,
        Map.of(
            "mdoHeldDate",
            today.toString(),
            "mdoNextReviewDate",
            today.plusWeeks(3).toString(),
            "mdoHasActionPoints",
            "ja"));
    complete(
        mdo,
        Map.of(
            "mdoActionDiscipline",
            "buurtteam",
            "mdoAction",
            "huisvesting-regelen",
            "mdoActionDueDate",
            today.plusWeeks(1).toString(),
            "mdoMoreActionPoints",
            "nee"));

    String actionTask =
        taskService
            .createTaskQuery()
            .processInstanceId(mdo.getId())
            .taskCandidateGroup("buurtteam")
            .singleResult()
            .getId();
    assertThat(taskService.getVariable(actionTask, "mdoAction")).isEqualTo("huisvesting-regelen");
    taskService.complete(actionTask, Map.of("mdoActionResult", "uitgevoerd"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(mdo.getId()).count())
        .isZero();
  }

  private String openCase() {
    LocalDate today = deadlines.now().toLocalDate();
    return caseFiles.register(
        new Signal(
            "IT-MELD-1", today.plusWeeks(20), 20, List.of("huiselijk-geweld"), "verloskundige"),
        "demo-verloskundige",
        deadlines.now());
  }

  private void complete(ProcessInstance instance, Map<String, Object> variables) {
    String taskId =
        taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    taskService.complete(taskId, variables);
  }
}
