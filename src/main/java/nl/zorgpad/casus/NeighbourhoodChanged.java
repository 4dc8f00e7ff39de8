package nl.zorgpad.casus;

/**
 * A case's wijk was set or changed after the case began (her postcode entered or corrected, a
 * merged duplicate's wijk taken over). Published in the transaction that changed it; the
 * monitor keeps the wijk beside its facts and follows it.
 *
 * @param caseFileId the dossier's internal id (no case number, no person)
 * @param neighbourhood the wijk code of the sociale kaart
 */
public record NeighbourhoodChanged(long caseFileId, String neighbourhood) {}
