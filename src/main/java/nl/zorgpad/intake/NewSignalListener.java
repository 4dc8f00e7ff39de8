package nl.zorgpad.intake;

import java.util.Optional;
import nl.zorgpad.casus.CaseContacts;
import nl.zorgpad.casus.CaseRegistry;
import nl.zorgpad.modelpolicy.PathwayBean;
import nl.zorgpad.pathway.PathwayVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At the start of "Nieuw signaal" ({@code Sub_NewSignal}): who reviews the new signal. Issue 11:
 * the regiehouder, or the first signaller while there is none — she holds the case until a
 * regiehouder accepts it. Sets the subprocess-local {@value NewSignalVariables#REVIEWER_DISCIPLINE}
 * (the review task's candidate group; team assignment then gives it to her team) and
 * {@value NewSignalVariables#REVIEWER} (its assignee).
 *
 * <ol>
 *   <li>a regiehouder is appointed in the dossier: she, in her discipline;</li>
 *   <li>the case was accepted ({@code handoverRecipients} set) but no person was recorded: the
 *       regie discipline of the triage ({@code careCoordinatorDiscipline}), no assignee;</li>
 *   <li>otherwise the first signaller, in her discipline.</li>
 * </ol>
 */
@PathwayBean
@Component("newSignalListener")
public class NewSignalListener implements ExecutionListener {

  private static final String SYSTEM = "system";

  private final CaseRegistry registry;

  public NewSignalListener(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object caseNumber = execution.getVariable(PathwayVariables.CASE_NUMBER);
    Optional<CaseContacts> contacts =
        caseNumber == null ? Optional.empty() : registry.contactsOf(caseNumber.toString());
    String discipline;
    String reviewer = null;
    if (contacts.isPresent() && contacts.get().careCoordinator() != null) {
      discipline = contacts.get().careCoordinatorDiscipline();
      reviewer = contacts.get().careCoordinator();
    } else if (execution.getVariable(PathwayVariables.HANDOVER_RECIPIENTS) != null
        || contacts.isEmpty()) {
      discipline =
          String.valueOf(execution.getVariable(PathwayVariables.CARE_COORDINATOR_DISCIPLINE));
    } else {
      discipline = contacts.get().firstSignallingDiscipline();
      reviewer =
          SYSTEM.equals(contacts.get().firstSignaller()) ? null : contacts.get().firstSignaller();
    }
    execution.setVariableLocal(NewSignalVariables.REVIEWER_DISCIPLINE, discipline);
    execution.setVariableLocal(NewSignalVariables.REVIEWER, reviewer);
  }
}
