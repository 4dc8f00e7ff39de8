package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_ASK_AGAIN;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_DECISION;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_GIVEN;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_PURPOSE;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_RECIPIENTS;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_REFUSAL_REASON;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_REFUSED_RECIPIENTS;
import static nl.zorgpad.pathway.PathwayVariables.RECIPIENT_DISCIPLINE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentRegistry;
import nl.zorgpad.consent.ConsentStatement;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * On completing "Toestemming vragen": records the client's decision as one consent record per
 * recipient discipline asked (vuistregel 4; one task per moment, issue 11) and sets
 * {@code consentGiven} (true when she consents to every recipient). A refusal — of all
 * recipients or, with {@code PARTIAL}, of some — needs a coded reason (400 otherwise).
 *
 * <p>"Ask again" (the client agreed to be asked again after the waiting period): when she
 * consented to none, the step itself waits and asks again ({@code consentAskAgain} stays true
 * and {@code consentRecipients} becomes the refused ones); when she consented to some, the step
 * ends so that those handovers go ahead, and the wish is kept in each refused record of the
 * register, where each warm handover reads it and asks again after the waiting period.
 *
 * <p>Like every check on a completed task, this is an execution listener on the task's
 * {@code end}, not a task listener: the engine wraps exceptions from task listeners
 * (ENGINE-03051), which the REST API then answers with 500.
 */
@PathwayBean
@Component("consentDecisionListener")
public class ConsentDecisionListener implements ExecutionListener {

  /** Some recipients consented, some not. */
  static final String PARTIAL = "PARTIAL";

  private final ConsentRegistry consentRegistry;
  private final Deadlines deadlines;
  private final ObjectMapper json;

  public ConsentDecisionListener(
      ConsentRegistry consentRegistry, Deadlines deadlines, ObjectMapper json) {
    this.json = json;
    this.consentRegistry = consentRegistry;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not completed: there is no answer to check
    }
    VariableReader input = VariableReader.of(execution);
    List<String> recipients = recipients(input);
    String decision = input.string(CONSENT_DECISION);
    List<String> refused =
        refusedRecipients(decision, recipients, input.codes(CONSENT_REFUSED_RECIPIENTS, json));
    boolean askAgain = Boolean.TRUE.equals(input.bool(CONSENT_ASK_AGAIN)) && !refused.isEmpty();
    String by = Actors.current(execution.getProcessEngineServices());
    ZonedDateTime at = deadlines.now();
    List<ConsentStatement> statements = new ArrayList<>();
    for (String recipient : recipients) {
      boolean refusedHere = refused.contains(recipient);
      statements.add(
          new ConsentStatement(
              input.string(CASE_NUMBER),
              recipient,
              input.string(CONSENT_PURPOSE),
              askedDecision(decision, refusedHere),
              input.string(CONSENT_REFUSAL_REASON),
              by,
              at,
              refusedHere && askAgain));
    }
    // every statement is checked before the first is recorded: all or nothing
    List<Violation> violations = new ArrayList<>();
    statements.forEach(
        statement ->
            statement.check().stream()
                .filter(violation -> !violations.contains(violation))
                .forEach(violations::add));
    try {
      InvalidInputException.throwIfAny("consent decision", violations);
      statements.forEach(consentRegistry::record);
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.CONSENT_DECISION_INVALID);
    }
    boolean noneGiven = refused.size() == recipients.size();
    execution.setVariable(CONSENT_GIVEN, refused.isEmpty());
    // the step asks again itself only when nothing was given; otherwise the register keeps it.
    // Written only when it matters (a refusal now or before), so that a plain consent leaves
    // the form's own answers as the caregiver gave them.
    if (!refused.isEmpty() || execution.hasVariable(CONSENT_ASK_AGAIN)) {
      execution.setVariable(CONSENT_ASK_AGAIN, askAgain && noneGiven);
    }
    if (!refused.isEmpty()) {
      // asked again: only the refused recipients
      execution.setVariable(CONSENT_RECIPIENTS, listValue(refused));
    }
  }

  /** The recipients asked: the list of this moment, else the one recipient. */
  private List<String> recipients(VariableReader input) {
    List<String> recipients =
        new ArrayList<>(new LinkedHashSet<>(input.codes(CONSENT_RECIPIENTS, json)));
    if (recipients.isEmpty() && input.string(RECIPIENT_DISCIPLINE) != null) {
      recipients.add(input.string(RECIPIENT_DISCIPLINE));
    }
    if (recipients.isEmpty()) {
      throw PathwayValidation.refuse(
          new InvalidInputException(
              "consent decision",
              List.of(
                  new Violation(
                      CONSENT_RECIPIENTS,
                      "no recipient to ask consent for",
                      "violation.consentDecision.consentRecipients.unknown"))),
          PathwayValidation.CONSENT_DECISION_INVALID);
    }
    return recipients;
  }

  /**
   * Who is refused. Asking yields a consent, a refusal or a partial refusal; a withdrawal is a
   * different act (issue 3). An unknown decision refuses nobody here: the registry's rules then
   * report the missing decision in Dutch.
   */
  private static List<String> refusedRecipients(
      String decision, List<String> recipients, List<String> chosen) {
    if (ConsentDecision.REFUSED.name().equals(decision)) {
      return recipients;
    }
    if (!PARTIAL.equals(decision)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    List<String> refused = new ArrayList<>(new LinkedHashSet<>(chosen));
    if (recipients.size() < 2) {
      violations.add(
          new Violation(
              CONSENT_DECISION,
              "partial needs several recipients",
              "violation.consentDecision.consentDecision.singleRecipient"));
    } else if (refused.isEmpty() || !recipients.containsAll(refused)) {
      violations.add(
          new Violation(
              CONSENT_REFUSED_RECIPIENTS,
              "must name some of the recipients asked " + recipients,
              "violation.consentDecision.consentRefusedRecipients.notAsked"));
    } else if (refused.size() == recipients.size()) {
      violations.add(
          new Violation(
              CONSENT_REFUSED_RECIPIENTS,
              "refuses every recipient",
              "violation.consentDecision.consentRefusedRecipients.everyRecipient"));
    }
    if (!violations.isEmpty()) {
      throw PathwayValidation.refuse(
          new InvalidInputException("consent decision", violations),
          PathwayValidation.CONSENT_DECISION_INVALID);
    }
    return refused;
  }

  private static ConsentDecision askedDecision(String decision, boolean refused) {
    if (ConsentDecision.GIVEN.name().equals(decision)
        || PARTIAL.equals(decision)
        || ConsentDecision.REFUSED.name().equals(decision)) {
      return refused ? ConsentDecision.REFUSED : ConsentDecision.GIVEN;
    }
    return null;
  }

  private static Object listValue(List<String> values) {
    return Variables.objectValue(new ArrayList<>(values))
        .serializationDataFormat("application/json")
        .create();
  }
}
