package nl.zorgpad.pathway;

import nl.zorgpad.casus.InvalidInputException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a broken rule into the one engine exception that the REST API answers with HTTP 400.
 *
 * <p>Camunda 7.24's REST resources ({@code TaskResourceImpl.complete/submit},
 * {@code ProcessDefinitionResourceImpl.submitForm}) map {@link FormFieldValidationException} to
 * 400 and every other {@code ProcessEngineException} — {@code BadUserRequestException} and
 * {@code NotValidException} included — to 500. The Tasklist uses exactly those endpoints and
 * shows the exception message to the caregiver, so the message is Dutch; API callers get a
 * stable error {@code code} (Camunda's custom range 20000–39999) whose English meaning is in
 * docs/zorgpaden.md, and the English details go to the log. The exception carries no cause:
 * the engine passes such an exception through unchanged.
 */
final class PathwayValidation {

  /** The signal (start form) breaks a rule: no case, no process instance. */
  static final int SIGNAL_INVALID = 22001;

  /** The consent decision is incomplete: e.g. a refusal without a reason. */
  static final int CONSENT_DECISION_INVALID = 22002;

  /** The warm handover is not recorded formally (vuistregel 3). */
  static final int HANDOVER_INVALID = 22003;

  /** The home-visit decision is incomplete: e.g. an opt-out without a reason (vuistregel 2). */
  static final int HOME_VISIT_DECISION_INVALID = 22004;

  /** The home-visit report is incomplete. */
  static final int HOME_VISIT_REPORT_INVALID = 22005;

  /** The regiehouder's acceptance is invalid: unknown recipients or PHB requester. */
  static final int CASE_ACCEPTANCE_INVALID = 22006;

  /** The birth report is invalid: no date, a date in the future or not fitting the due date. */
  static final int BIRTH_INVALID = 22007;

  /** Ending a case early is invalid: no or unknown reason, or the case is closed already. */
  static final int CASE_END_INVALID = 22008;

  /** A consent withdrawal is invalid: unknown recipient or reason. */
  static final int CONSENT_WITHDRAWAL_INVALID = 22009;

  /** The signaller's choice after a refused consent is missing, or closes while a meldcode runs. */
  static final int REFUSAL_FOLLOW_UP_INVALID = 22010;

  /** Starting the meldcode from the Tasklist: unknown case, not involved, or nothing waiting. */
  static final int MELDCODE_START_INVALID = 22011;

  private static final Logger LOG = LoggerFactory.getLogger(PathwayValidation.class);

  private PathwayValidation() {}

  /**
   * The exception to throw for refused input; its detail is the list of violations.
   */
  static FormFieldValidationException refuse(InvalidInputException invalid, int code) {
    LOG.info("Refused input (code {}): {}", code, invalid.getMessage());
    FormFieldValidationException exception =
        new FormFieldValidationException(invalid.violations(), invalid.dutchMessage());
    exception.setCode(code);
    return exception;
  }
}
