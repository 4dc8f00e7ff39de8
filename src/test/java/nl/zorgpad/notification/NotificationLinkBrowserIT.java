package nl.zorgpad.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The JGZ nurse's side of the day (issue 15): a warm handover leaves a task for JGZ Utrecht
 * West; the team's mailbox gets the mail (a real SMTP server, GreenMail, as in NotificationIT);
 * she follows its Tasklist link ({@code /camunda/app/tasklist/default/#/?task=<taskId>}), logs
 * in, and the Tasklist shows that task with its case number and the link to the case page, at
 * 1280×800 and 390×844. Screenshots to docs/images.
 */
@Tag("browser")
@ZorgpadIntegrationTest
class NotificationLinkBrowserIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String JGZ_MAILBOX = "jgz-utrecht-west@demo.zorgpad.invalid";
  static final Pattern TASK_LINK =
      Pattern.compile("https?://[^/\\s]+(/camunda/app/tasklist/default/#/\\?task=[0-9a-f-]+)");
  static final ObjectMapper JSON = new ObjectMapper();

  static GreenMail smtp;

  @LocalServerPort int port;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired NotificationWorker worker;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @AfterAll
  static void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1280, 800", "390, 844"})
  void jgzGetsTheMailAndItsLinkOpensHerTask(int width, int height) throws Exception {
    if (smtp == null) {
      smtp =
          new GreenMail(
              new ServerSetup(mailSender.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
    smtp.purgeEmailFromAllMailboxes();
    String caseNumber = caseWaitingForJgz("DAYMAIL-" + width + "-" + System.nanoTime());
    Task contact =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskCandidateGroup("jgz-utrecht-west")
            .singleResult();
    assertThat(contact).isNotNull();

    worker.round();

    MimeMessage mail =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> to(m).contains(JGZ_MAILBOX) && subject(m).contains(caseNumber))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no mail to " + JGZ_MAILBOX));
    String text = NotificationIT.content(mail);
    Matcher link = TASK_LINK.matcher(text);
    assertThat(link.find()).as(text).isTrue();
    assertThat(link.group(1)).endsWith("?task=" + contact.getId());

    String base = "http://localhost:" + port;
    try (Browser browser = new Browser()) {
      browser.size(width, height);
      // she clicks the link in the mail: not logged in yet, so Zorgpad's login comes first
      browser.open(base + link.group(1));
      logIn(browser, "demo");
      // the login keeps the link's fragment: she lands on the task the mail named
      browser.waitUntil(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/"));
      assertThat(browser.driver().getCurrentUrl()).endsWith("#/?task=" + contact.getId());
      try {
        browser.visible(
            By.xpath(
                "//h2[contains(@class,'task')]" + "[contains(.,'Contact met cliënt bevestigen')]"));
      } catch (org.openqa.selenium.TimeoutException notShown) {
        // the wait's message says what the page showed and its console's last errors
        throw new AssertionError(
            "task not shown at " + browser.driver().getCurrentUrl() + ": " + notShown.getMessage(),
            notShown);
      }
      browser.waitForText(By.cssSelector(".task-card .zorgpad-case-link"), caseNumber);
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector(".task-card .zorgpad-case-link"))
                  .getDomAttribute("href"))
          .isEqualTo("/casus/" + caseNumber);
      browser.visible(By.cssSelector("button.claim"));
      assertThat(browser.text()).doesNotContain("Camunda 8").doesNotContain("Claim");
      Path shot = browser.screenshot("day-" + width + "-06-jgz-taak-uit-mail");
      Path docs = Path.of("docs", "images");
      if (Files.isDirectory(docs)) {
        Files.copy(shot, docs.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void logIn(Browser browser, String password) {
    browser.visible(By.id("username")).sendKeys("demo-jgz");
    browser.driver().findElement(By.id("password")).sendKeys(password);
    browser.driver().findElement(By.id("login-submit")).click();
  }

  /** As NotificationIT: a Lombok case signalled, accepted and handed over to JGZ. */
  private String caseWaitingForJgz(String reference) throws Exception {
    return JgzHandoverCase.make(port, taskService, identityService, reference).caseNumber;
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
}
