package nl.zorgpad.casus;

/**
 * Who holds a case: its first signaller and, once appointed, its regiehouder. What the pathway
 * needs to give a new signal to the right person ({@code Sub_NewSignal}).
 *
 * @param firstSignaller user id of the caregiver who opened the case
 * @param firstSignallingDiscipline her discipline
 * @param careCoordinator user id of the regiehouder; null while none is appointed
 * @param careCoordinatorDiscipline her discipline; null while none is appointed
 */
public record CaseContacts(
    String firstSignaller,
    String firstSignallingDiscipline,
    String careCoordinator,
    String careCoordinatorDiscipline) {}
