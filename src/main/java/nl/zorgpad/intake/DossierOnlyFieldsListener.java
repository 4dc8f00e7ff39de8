package nl.zorgpad.intake;

import nl.zorgpad.casus.SignalledClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * At the start of every process instance and of every activity, whatever door started it (start
 * form, REST start, start instructions that skip the start event and set their variables with
 * the first activity, the Java API): the dossier-only fields of a signal
 * ({@link SignalledClient#FIELDS}: BSN, birth date, postcode) are removed and held as
 * <em>transient</em> variables under another name ({@link SignalledClient#heldAs}). The start
 * listener of the pathway ({@code caseRegistrationListener}) reads them in this transaction, puts
 * them into the dossier and removes them; the engine never writes them to {@code ACT_RU_VARIABLE}
 * (a variable set and removed in one command is never flushed; a transient one is never
 * persisted), and the history events of their first setting are dropped by
 * {@code audit.DossierOnlyHistoryFilter}. (The engine refuses to make a variable transient under
 * the name it had as a persistent one in the same command, hence the other name.)
 */
final class DossierOnlyFieldsListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    // the process instance's own variables only: that is where a start puts them (also a start
    // instruction for an activity of the process itself), and its variables are loaded anyway;
    // the history filter covers every other place
    DelegateExecution processInstance = execution.getProcessInstance();
    for (String name : SignalledClient.FIELDS) {
      if (!processInstance.hasVariableLocal(name)) {
        continue;
      }
      TypedValue value = processInstance.getVariableLocalTyped(name, true);
      Object plain = value == null ? null : value.getValue();
      processInstance.removeVariableLocal(name);
      processInstance.setVariableLocal(
          SignalledClient.heldAs(name), Variables.untypedValue(plain, true));
    }
  }
}
