package nl.zorgpad.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.socialmap.Team;
import nl.zorgpad.socialmap.TeamRepository;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications against a real SMTP server (GreenMail) in the running application with the demo
 * sociale kaart, where every team has a mailbox ({@code <group>@demo.zorgpad.invalid}) told per
 * event: a task for JGZ reaches JGZ's mailbox with the case number and the links and nothing
 * personal; an overdue task is told once; an escalated handover reaches the regiehouder's team;
 * the digest collects; "off" sends nothing; a rollback sends nothing; a relay that is down gets
 * the mail later.
 */
@ZorgpadIntegrationTest
class NotificationIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String JGZ_TEAM = "jgz-utrecht-west";
  static final String JGZ_MAILBOX = JGZ_TEAM + "@demo.zorgpad.invalid";
  static final ObjectMapper JSON = new ObjectMapper();

  static GreenMail smtp;

  /** The group that accepted the last case as regiehouder (caseWaitingForJgz). */
  String regiehouderGroup;

  @LocalServerPort int port;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired NotificationWorker worker;
  @Autowired OverdueCheck overdue;
  @Autowired DailyDigest digest;
  @Autowired NotificationSettings settings;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired TeamRepository teams;

  @BeforeEach
  void setUp() throws Exception {
    ClockUtil.reset();
    if (smtp == null) {
      startSmtp();
    }
    smtp.purgeEmailFromAllMailboxes();
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("it-notify").count()
        == 0) {
      repositoryService
          .createDeployment()
          .addModelInstance(
              "it-notify.bpmn",
              Bpmn.createExecutableProcess("it-notify")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_PlanVisit")
                  .name("Huisbezoek plannen")
                  .camundaCandidateGroups("jgz")
                  .camundaDueDate("${due}")
                  .endEvent()
                  .done())
          .deploy();
    }
  }

  @AfterEach
  void restore() {
    ClockUtil.reset();
    settings.setTeamMode(JGZ_TEAM, NotificationMode.EVENT, "it");
    jdbc.update("delete from zp_notification_user where user_id = 'demo-jgz'");
  }

  @AfterAll
  static void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  @Test
  void aTaskForJgzReachesItsTeamMailboxWithTheCaseNumberAndLinksAndNothingPersonal()
      throws Exception {
    String reference = "NT-" + System.nanoTime();
    String caseNumber = caseWaitingForJgz(reference);
    Task contact =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskCandidateGroup(JGZ_TEAM)
            .singleResult();
    assertThat(contact).as("the handover's contact task, with JGZ Utrecht West").isNotNull();

    worker.round();

    List<MimeMessage> toJgz = mails(JGZ_MAILBOX, caseNumber);
    assertThat(toJgz).hasSize(1);
    MimeMessage mail = toJgz.get(0);
    assertThat(mail.getSubject())
        .isEqualTo("Nieuwe taak voor JGZ Utrecht West – casus " + caseNumber);
    String text = content(mail);
    assertThat(text)
        .contains("Er staat een nieuwe taak klaar voor JGZ Utrecht West")
        .contains(caseNumber)
        .contains("Contact met cliënt bevestigen")
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + contact.getId())
        .contains("http://localhost:8080/casus/" + caseNumber)
        .contains("Deze e-mail bevat bewust geen gegevens van de cliënt");
    // every mail of this case, to anyone: nothing from the dossier, no client reference
    List<MimeMessage> ofCase = mails(null, caseNumber);
    assertThat(ofCase).hasSizeGreaterThan(1);
    for (MimeMessage any : ofCase) {
      String whole =
          any.getSubject() + "\n" + content(any) + "\n" + GreenMailUtil.getWholeMessage(any);
      assertThat(whole)
          .doesNotContain(
              "Amira",
              "Testmoeder",
              "111222333",
              "3531 AB",
              "3531AB",
              "1998-05-01",
              "01-05-1998",
              reference,
              "Kanaalstraat");
    }
  }

  @Test
  void anEscalatedHandoverReachesTheRegiehoudersTeam() throws Exception {
    String caseNumber = caseWaitingForJgz("NT-" + System.nanoTime());
    Task contact =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskCandidateGroup(JGZ_TEAM)
            .singleResult();
    Job escalation =
        managementService
            .createJobQuery()
            .processInstanceId(contact.getProcessInstanceId())
            .activityId("Timer_HandoverEscalation")
            .singleResult();
    assertThat(escalation).isNotNull();
    worker.round();
    smtp.purgeEmailFromAllMailboxes();

    managementService.executeJob(escalation.getId());
    worker.round();

    Task escalated =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskDefinitionKey("Task_EscalateHandover")
            .singleResult();
    assertThat(escalated).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(escalated.getId()))
        .as("the escalation is for the regiehouder's team")
        .anyMatch(link -> regiehouderGroup.equals(link.getGroupId()));
    List<MimeMessage> toRegiehouder =
        mails(regiehouderGroup + NotificationDemoData.DOMAIN, caseNumber);
    assertThat(toRegiehouder).hasSize(1);
    assertThat(toRegiehouder.get(0).getSubject())
        .startsWith("Overdracht loopt vast: taak voor ")
        .endsWith("casus " + caseNumber);
    assertThat(content(toRegiehouder.get(0)))
        .contains("Overdracht loopt vast: regiehouder grijpt in")
        .contains("Een warme overdracht loopt vast");
    assertThat(mails(null, caseNumber))
        .as("told as an escalation, not also as a new task")
        .noneMatch(m -> subject(m).startsWith("Nieuwe taak"));
  }

  @Test
  void anOverdueTaskOnTheEngineClockIsToldOnceNotTwice() throws Exception {
    Instant now = Instant.now();
    overdue.run(); // the watermark: now
    Task task = startTask("NT-OVD-" + System.nanoTime(), now.plus(Duration.ofHours(1)));
    worker.round();
    smtp.purgeEmailFromAllMailboxes();

    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(2))));
    assertThat(overdue.run()).isPositive();
    worker.round();
    overdue.run();
    worker.round();
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(3))));
    overdue.run();
    worker.round();

    List<MimeMessage> told = mailsAbout(JGZ_MAILBOX, task.getId());
    assertThat(told).hasSize(1);
    assertThat(told.get(0).getSubject())
        .startsWith("Termijn verstreken: taak van JGZ Utrecht West");
    assertThat(content(told.get(0)))
        .contains("De termijn van deze taak van JGZ Utrecht West is" + " verstreken")
        .contains("Huisbezoek plannen");
    assertThat(mailsAbout("demo-jgz@demo.zorgpad.invalid", task.getId()))
        .as("the team's member too, once")
        .hasSize(1);
  }

  @Test
  void theDailyDigestCollectsTheDaysEventsInOneMail() throws Exception {
    settings.setTeamMode(JGZ_TEAM, NotificationMode.DIGEST, "it");
    settings.setUserMode("demo-jgz", NotificationMode.DIGEST);
    Task first = startTask("NT-DIG-" + System.nanoTime(), Instant.now().plus(Duration.ofDays(3)));
    Task second = startTask("NT-DIG-" + System.nanoTime(), Instant.now().plus(Duration.ofDays(4)));
    worker.round();
    assertThat(mailsAbout(JGZ_MAILBOX, first.getId())).as("no mail per event").isEmpty();

    digest.composeNow();
    worker.round();

    List<MimeMessage> digests =
        mails(JGZ_MAILBOX, null).stream()
            .filter(m -> subject(m).startsWith("Zorgpad: dagoverzicht"))
            .toList();
    assertThat(digests).hasSize(1);
    String text = content(digests.get(0));
    assertThat(text)
        .contains(first.getId())
        .contains(second.getId())
        .contains("Nieuwe taak (JGZ Utrecht West)")
        .contains("Dit is uw dagoverzicht");
    assertThat(mails("demo-jgz@demo.zorgpad.invalid", null))
        .filteredOn(m -> subject(m).startsWith("Zorgpad: dagoverzicht"))
        .hasSize(1);
    digest.composeNow();
    worker.round();
    assertThat(mails(JGZ_MAILBOX, null))
        .as("nothing twice")
        .filteredOn(m -> subject(m).startsWith("Zorgpad: dagoverzicht"))
        .hasSize(1);
  }

  @Test
  void withTheSettingsOffNoMailIsSent() throws Exception {
    settings.setTeamMode(JGZ_TEAM, NotificationMode.OFF, "it");
    settings.setUserMode("demo-jgz", NotificationMode.OFF);
    Task task = startTask("NT-OFF-" + System.nanoTime(), Instant.now().plus(Duration.ofDays(3)));

    worker.round();

    assertThat(mailsAbout(null, task.getId())).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_notification_mail" + " where dedupe_key like ?",
                Integer.class,
                "%:" + task.getId() + ":%"))
        .isZero();
  }

  @Test
  void aRolledBackTaskSendsNothing() {
    String key = "NT-RB-" + System.nanoTime();
    transaction.executeWithoutResult(
        status -> {
          startTask(key, Instant.now().plus(Duration.ofDays(3)));
          assertThat(
                  jdbc.queryForObject(
                      "select count(*) from zp_notification_event" + " where case_number = ?",
                      Integer.class,
                      key))
              .as("written with the task")
              .isOne();
          status.setRollbackOnly();
        });

    worker.round();

    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_notification_event" + " where case_number = ?",
                Integer.class,
                key))
        .isZero();
    assertThat(mails(null, key)).isEmpty();
  }

  @Test
  void whenTheRelayIsDownTheMailIsRetriedAndDeliveredLater() throws Exception {
    smtp.stop();
    Task task;
    try {
      task = startTask("NT-DOWN-" + System.nanoTime(), Instant.now().plus(Duration.ofDays(3)));
      worker.round();
      Map<String, Object> row =
          jdbc.queryForMap(
              "select status, attempts, last_error from"
                  + " zp_notification_mail where dedupe_key = ?",
              "NEW_TASK:" + task.getId() + ":" + JGZ_MAILBOX);
      assertThat(row.get("STATUS")).isEqualTo("PENDING");
      assertThat(((Number) row.get("ATTEMPTS")).intValue()).isGreaterThanOrEqualTo(1);
      assertThat((String) row.get("LAST_ERROR")).isNotBlank();
    } finally {
      startSmtp();
    }
    worker.round();
    assertThat(mailsAbout(JGZ_MAILBOX, task.getId())).as("not before its next attempt").isEmpty();

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(3))));
    worker.round();

    assertThat(mailsAbout(JGZ_MAILBOX, task.getId())).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select status from zp_notification_mail where dedupe_key = ?",
                String.class,
                "NEW_TASK:" + task.getId() + ":" + JGZ_MAILBOX))
        .isEqualTo("SENT");
  }

  @Test
  void eachUserChoosesOnTheMeldingenPage() {
    TestSession jgz = TestSession.of(port, "demo-jgz:demo");
    HttpResponse<String> page = jgz.get("/meldingen");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Meldingen")
        .contains("demo-jgz@demo.zorgpad.invalid")
        .contains("Eén keer per dag");

    assertThat(jgz.postForm("/meldingen", "/meldingen", Map.of("mode", "DIGEST")).statusCode())
        .isEqualTo(302);
    assertThat(settings.userMode("demo-jgz")).isEqualTo(NotificationMode.DIGEST);
    HttpResponse<String> wrong =
        jgz.postForm("/meldingen", "/meldingen", Map.of("mode", "elk-uur"));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("Kies hoe u gemeld wilt worden.");
    assertThat(settings.userMode("demo-jgz")).isEqualTo(NotificationMode.DIGEST);
  }

  @Test
  void theCoordinatorSetsTheTeamMailboxAndModeOnTheTeamPage() {
    Team team = teams.findByGroupId(JGZ_TEAM).orElseThrow();
    String path = "/sociale-kaart/teams/" + team.getId();
    TestSession coordinator = TestSession.of(port, "demo-coordinator:demo");
    assertThat(coordinator.get(path).body())
        .contains("Teammailbox")
        .contains("value=\"" + JGZ_MAILBOX + "\"");
    try {
      HttpResponse<String> wrong =
          coordinator.postForm(
              path + "/meldingen", path, Map.of("mailbox", "geen adres", "mode", "DIGEST"));
      assertThat(wrong.statusCode()).isEqualTo(302);
      assertThat(coordinator.get(path).body()).contains("Vul een geldig e-mailadres in");
      assertThat(settings.teamMode(JGZ_TEAM)).isEqualTo(NotificationMode.EVENT);

      assertThat(
              coordinator
                  .postForm(
                      path + "/meldingen",
                      path,
                      Map.of("mailbox", "jgz-west@example.invalid", "mode", "DIGEST"))
                  .statusCode())
          .isEqualTo(302);
      assertThat(teams.findByGroupId(JGZ_TEAM).orElseThrow().getMailbox())
          .isEqualTo("jgz-west@example.invalid");
      assertThat(settings.teamMode(JGZ_TEAM)).isEqualTo(NotificationMode.DIGEST);
      assertThat(
              TestSession.of(port, "demo-jgz:demo")
                  .postForm(
                      path + "/meldingen",
                      "/meldingen",
                      Map.of("mailbox", "x@example.invalid", "mode", "OFF"))
                  .statusCode())
          .isEqualTo(403);
    } finally {
      Team saved = teams.findByGroupId(JGZ_TEAM).orElseThrow();
      saved.setMailbox(JGZ_MAILBOX);
      teams.save(saved);
    }
  }

  // --- helpers ---

  private void startSmtp() {
    smtp =
        new GreenMail(
            new ServerSetup(mailSender.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  /** A test task for JGZ in Lombok (so for JGZ Utrecht West), due at {@code due}. */
  private Task startTask(String businessKey, Instant due) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("neighbourhood", "utrecht-lombok");
    variables.put("due", Date.from(due));
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("it-notify", businessKey, variables);
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /**
   * A case signalled by the midwife whose client lives in Lombok, accepted by the regiehouder
   * and handed over to JGZ: JGZ Utrecht West must confirm contact.
   */
  private String caseWaitingForJgz(String reference) throws Exception {
    JgzHandoverCase made = JgzHandoverCase.make(port, taskService, identityService, reference);
    regiehouderGroup = made.regiehouderGroup;
    return made.caseNumber;
  }

  /** Received mails to {@code recipient} (any when null) whose subject names the case. */
  private static List<MimeMessage> mails(String recipient, String caseNumber) {
    List<MimeMessage> result = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if ((recipient == null || to(message).contains(recipient))
          && (caseNumber == null || subject(message).contains(caseNumber))) {
        result.add(message);
      }
    }
    return result;
  }

  /** Received mails to {@code recipient} (any when null) that link to the task. */
  private static List<MimeMessage> mailsAbout(String recipient, String taskId) throws Exception {
    List<MimeMessage> result = new ArrayList<>();
    for (MimeMessage message : mails(recipient, null)) {
      if (content(message).contains("?task=" + taskId + "\n")
          || content(message).contains("?task=" + taskId + "\r")) {
        result.add(message);
      }
    }
    return result;
  }

  private static List<String> to(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .map(Object::toString)
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every text part of the mail, decoded (plain text and HTML). */
  static String content(Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        all.append(content(body)).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(content);
  }
}
