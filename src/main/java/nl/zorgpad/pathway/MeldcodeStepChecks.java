package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.MeldcodeVariables.COLLEAGUE_CONSULTED;
import static nl.zorgpad.pathway.MeldcodeVariables.HELP_ACCEPTED;
import static nl.zorgpad.pathway.MeldcodeVariables.HELP_EFFECTIVE;
import static nl.zorgpad.pathway.MeldcodeVariables.HELP_EVALUATION_DATE;
import static nl.zorgpad.pathway.MeldcodeVariables.HELP_POSSIBLE;
import static nl.zorgpad.pathway.MeldcodeVariables.HELP_PROVIDERS;
import static nl.zorgpad.pathway.MeldcodeVariables.KINDCHECK;
import static nl.zorgpad.pathway.MeldcodeVariables.SIGNALS;
import static nl.zorgpad.pathway.MeldcodeVariables.SUSPICION;
import static nl.zorgpad.pathway.MeldcodeVariables.TALK_DATE;
import static nl.zorgpad.pathway.MeldcodeVariables.TALK_SAFE;
import static nl.zorgpad.pathway.MeldcodeVariables.TALK_SKIPPED_REASON;
import static nl.zorgpad.pathway.MeldcodeVariables.UNSAFETY;
import static nl.zorgpad.pathway.MeldcodeVariables.VEILIG_THUIS_ADVICE;
import static nl.zorgpad.pathway.MeldcodeVariables.VEILIG_THUIS_CALL_RESULT;
import static nl.zorgpad.pathway.MeldcodeVariables.VEILIG_THUIS_CONTACT_DATE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nl.zorgpad.casus.MeldcodeRules;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The checks of the meldcode's steps ({@link MeldcodeRules}), one bean per BPMN listener
 * ({@code ${meldcodeSignalsCheck}}, …). The report to Veilig Thuis has its own listener
 * ({@link VeiligThuisReportListener}) because it records the meldrecht.
 */
final class MeldcodeStepChecks {

  private MeldcodeStepChecks() {}

  /** Step 1: signals mapped, kindcheck done. */
  @PathwayBean
  @Component("meldcodeSignalsCheck")
  public static class Signals extends CompletionCheck {

    private final ObjectMapper json;

    public Signals(ObjectMapper json) {
      super("meldcode step 1", MeldcodeValidation.MELDCODE_SIGNALS_INVALID);
      this.json = json;
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MeldcodeRules.checkSignals(input.codes(SIGNALS, json), input.string(KINDCHECK));
    }
  }

  /** Step 2: colleague consulted; talk safe, or a reason naming the danger. */
  @PathwayBean
  @Component("meldcodeConsultationCheck")
  public static class Consultation extends CompletionCheck {

    public Consultation() {
      super("meldcode step 2", MeldcodeValidation.MELDCODE_CONSULTATION_INVALID);
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MeldcodeRules.checkConsultation(
          input.bool(COLLEAGUE_CONSULTED),
          input.string(VEILIG_THUIS_ADVICE),
          input.string(TALK_SAFE),
          input.string(TALK_SKIPPED_REASON));
    }
  }

  /** Step 3: the talk took place. */
  @PathwayBean
  @Component("meldcodeTalkCheck")
  public static class Talk extends CompletionCheck {

    private final Deadlines deadlines;

    public Talk(Deadlines deadlines) {
      super("meldcode step 3", MeldcodeValidation.MELDCODE_TALK_INVALID);
      this.deadlines = deadlines;
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MeldcodeRules.checkTalk(input.date(TALK_DATE), deadlines.now().toLocalDate());
    }
  }

  /** Step 4: the afwegingskader's questions 1–4, as far as they matter. */
  @PathwayBean
  @Component("meldcodeAssessmentCheck")
  public static class Assessment extends CompletionCheck {

    public Assessment() {
      super("meldcode step 4", MeldcodeValidation.MELDCODE_ASSESSMENT_INVALID);
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MeldcodeRules.checkAssessment(
          input.string(SUSPICION),
          input.string(UNSAFETY),
          input.string(HELP_POSSIBLE),
          input.string(HELP_ACCEPTED));
    }
  }

  /** Step 5, help: who helps and when question 5 is asked. */
  @PathwayBean
  @Component("meldcodeHelpCheck")
  public static class Help extends CompletionCheck {

    private final Deadlines deadlines;
    private final ObjectMapper json;

    public Help(Deadlines deadlines, ObjectMapper json) {
      super("meldcode help", MeldcodeValidation.MELDCODE_HELP_INVALID);
      this.deadlines = deadlines;
      this.json = json;
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MeldcodeRules.checkHelp(
          input.codes(HELP_PROVIDERS, json),
          input.date(HELP_EVALUATION_DATE),
          deadlines.now().toLocalDate());
    }
  }

  /** Question 5 of the afwegingskader. */
  @PathwayBean
  @Component("meldcodeHelpEvaluationCheck")
  public static class HelpEvaluation extends CompletionCheck {

    public HelpEvaluation() {
      super("meldcode question 5", MeldcodeValidation.MELDCODE_ASSESSMENT_INVALID);
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MeldcodeRules.checkHelpEvaluation(input.string(HELP_EFFECTIVE));
    }
  }

  /** Vuistregel 5: Veilig Thuis made contact (recorded by the reporter). */
  @PathwayBean
  @Component("veiligThuisContactCheck")
  public static class VeiligThuisContact extends CompletionCheck {

    private final Deadlines deadlines;

    public VeiligThuisContact(Deadlines deadlines) {
      super("Veilig Thuis contact", MeldcodeValidation.MELDCODE_VEILIG_THUIS_CONTACT_INVALID);
      this.deadlines = deadlines;
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MeldcodeRules.checkVeiligThuisContact(
          input.date(VEILIG_THUIS_CONTACT_DATE), deadlines.now().toLocalDate());
    }
  }

  /** Vuistregel 5: a "Bel Veilig Thuis" call and its result. */
  @PathwayBean
  @Component("veiligThuisCallCheck")
  public static class VeiligThuisCall extends CompletionCheck {

    public VeiligThuisCall() {
      super("Veilig Thuis call", MeldcodeValidation.MELDCODE_VEILIG_THUIS_CONTACT_INVALID);
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MeldcodeRules.checkCall(input.string(VEILIG_THUIS_CALL_RESULT));
    }
  }
}
