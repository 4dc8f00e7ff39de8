package nl.zorgpad.intake;

import nl.zorgpad.casus.JoinedCase;
import nl.zorgpad.refusal.UserRefusal;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The answer to a signal that joined the open case of the same woman (decision 0008): no new
 * case was started, the signal is part of her case, the signaller is involved. Not an error, but
 * the engine's start cannot return "started another case", so the doors get it as a refusal
 * (409, code {@value #ERROR}) with the Dutch text that says so and whom to contact — the Tasklist
 * shows exactly that text in its start dialog; {@code POST /api/signals} answers 200 with the
 * case number instead. A {@link FormFieldValidationException} because that is what Camunda's REST
 * resources pass on with its message (400) until every door answers {@link UserRefusal}s; the
 * message is therefore Dutch, and carries no dossier content.
 */
public class SignalJoinedOpenCase extends FormFieldValidationException implements UserRefusal {

  /** Engine error code (Camunda's custom range; see docs/zorgpaden.md). */
  public static final int CODE = 22030;

  public static final String ERROR = "signal-joined-open-case";

  private final transient JoinedCase joined;

  SignalJoinedOpenCase(JoinedCase joined, String dutchMessage) {
    super(joined.caseNumber(), dutchMessage);
    this.joined = joined;
    setCode(CODE);
  }

  public JoinedCase joined() {
    return joined;
  }

  @Override
  public int status() {
    return 409;
  }

  @Override
  public String code() {
    return ERROR;
  }

  @Override
  public String userMessage() {
    return getMessage();
  }
}
