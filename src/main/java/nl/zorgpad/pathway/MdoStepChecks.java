package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.MdoVariables.ACTION;
import static nl.zorgpad.pathway.MdoVariables.ACTIONS;
import static nl.zorgpad.pathway.MdoVariables.ACTION_DISCIPLINE;
import static nl.zorgpad.pathway.MdoVariables.ACTION_DISCIPLINES;
import static nl.zorgpad.pathway.MdoVariables.ACTION_DUE_DATE;
import static nl.zorgpad.pathway.MdoVariables.ACTION_DUE_DATES;
import static nl.zorgpad.pathway.MdoVariables.ACTION_RESULT;
import static nl.zorgpad.pathway.MdoVariables.ATTENDANCE;
import static nl.zorgpad.pathway.MdoVariables.HAS_ACTION_POINTS;
import static nl.zorgpad.pathway.MdoVariables.HELD_DATE;
import static nl.zorgpad.pathway.MdoVariables.MEETING_DATE;
import static nl.zorgpad.pathway.MdoVariables.MORE_ACTION_POINTS;
import static nl.zorgpad.pathway.MdoVariables.NEXT_REVIEW_DATE;
import static nl.zorgpad.pathway.MdoVariables.PARTICIPANTS;
import static nl.zorgpad.pathway.MdoVariables.PREPARATION;
import static nl.zorgpad.pathway.MdoVariables.REQUESTING_DISCIPLINE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.casus.MdoRules;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The checks of the MDO's steps ({@link MdoRules}), one bean per BPMN listener. */
final class MdoStepChecks {

  private MdoStepChecks() {}

  /** Participants chosen, date set; the list is stored as a Java list for the multi-instance. */
  @PathwayBean
  @Component("mdoPlanCheck")
  public static class Plan extends CompletionCheck {

    private final Deadlines deadlines;
    private final ObjectMapper json;

    public Plan(Deadlines deadlines, ObjectMapper json) {
      super("MDO plan", MeldcodeValidation.MDO_PLAN_INVALID);
      this.deadlines = deadlines;
      this.json = json;
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MdoRules.checkPlan(
          input.string(REQUESTING_DISCIPLINE),
          input.codes(PARTICIPANTS, json),
          input.date(MEETING_DATE),
          input.string(PREPARATION),
          deadlines.now().toLocalDate());
    }

    @Override
    void completed(DelegateExecution execution, VariableReader input) {
      execution.setVariable(
          PREPARATION,
          MdoRules.preparationOf(
              input.date(MEETING_DATE), input.string(PREPARATION), deadlines.now().toLocalDate()));
      // the Tasklist submits the checklist as JSON; multi-instance needs a collection
      execution.setVariable(
          PARTICIPANTS,
          new ArrayList<>(new java.util.LinkedHashSet<>(input.codes(PARTICIPANTS, json))));
    }
  }

  @PathwayBean
  @Component("mdoPreparationCheck")
  public static class Preparation extends CompletionCheck {

    public Preparation() {
      super("MDO preparation", MeldcodeValidation.MDO_PREPARATION_INVALID);
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MdoRules.checkPreparation(input.string(ATTENDANCE));
    }
  }

  /** The meeting held; the next review date becomes the output as an ISO date. */
  @PathwayBean
  @Component("mdoMeetingCheck")
  public static class Meeting extends CompletionCheck {

    private final Deadlines deadlines;

    public Meeting(Deadlines deadlines) {
      super("MDO meeting", MeldcodeValidation.MDO_MEETING_INVALID);
      this.deadlines = deadlines;
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MdoRules.checkMeeting(
          input.date(HELD_DATE),
          input.date(MEETING_DATE),
          input.date(NEXT_REVIEW_DATE),
          input.string(HAS_ACTION_POINTS),
          deadlines.now().toLocalDate());
    }

    @Override
    void completed(DelegateExecution execution, VariableReader input) {
      execution.setVariable(NEXT_REVIEW_DATE, input.date(NEXT_REVIEW_DATE).toString());
      // the action points are collected from here on (three lists of equal length)
      execution.setVariable(ACTION_DISCIPLINES, listValue(new ArrayList<>()));
      execution.setVariable(ACTIONS, listValue(new ArrayList<>()));
      execution.setVariable(ACTION_DUE_DATES, listValue(new ArrayList<>()));
    }
  }

  /** One action point: appended to the three lists the action-point tasks iterate over. */
  @PathwayBean
  @Component("mdoActionPointCheck")
  public static class ActionPoint extends CompletionCheck {

    private final Deadlines deadlines;
    private final ObjectMapper json;

    public ActionPoint(Deadlines deadlines, ObjectMapper json) {
      super("MDO action point", MeldcodeValidation.MDO_ACTION_POINT_INVALID);
      this.deadlines = deadlines;
      this.json = json;
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MdoRules.checkActionPoint(
          input.string(ACTION_DISCIPLINE),
          input.string(ACTION),
          input.date(ACTION_DUE_DATE),
          input.string(MORE_ACTION_POINTS),
          deadlines.now().toLocalDate());
    }

    @Override
    void completed(DelegateExecution execution, VariableReader input) {
      append(execution, input, ACTION_DISCIPLINES, input.string(ACTION_DISCIPLINE));
      append(execution, input, ACTIONS, input.string(ACTION));
      append(execution, input, ACTION_DUE_DATES, input.date(ACTION_DUE_DATE).toString());
    }

    private void append(
        DelegateExecution execution, VariableReader input, String list, String value) {
      List<String> values = new ArrayList<>(input.codes(list, json));
      values.add(value);
      execution.setVariable(list, listValue(values));
    }
  }

  @PathwayBean
  @Component("mdoActionResultCheck")
  public static class ActionResult extends CompletionCheck {

    public ActionResult() {
      super("MDO action result", MeldcodeValidation.MDO_ACTION_RESULT_INVALID);
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return MdoRules.checkActionResult(input.string(ACTION_RESULT));
    }
  }

  private static Object listValue(List<String> values) {
    return Variables.objectValue(values).serializationDataFormat("application/json").create();
  }
}
