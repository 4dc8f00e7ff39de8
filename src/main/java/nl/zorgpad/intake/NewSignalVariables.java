package nl.zorgpad.intake;

/**
 * Process variables of the event subprocess "Nieuw signaal" ({@code Sub_NewSignal}), local to it.
 * Codes and a user id, never a name or anything about the client.
 */
public final class NewSignalVariables {

  /**
   * On what the new signal was recognised as the same woman ({@code bsn-geboortedatum},
   * {@code geboortedatum-postcode}), {@code samengevoegd} for a merged duplicate; absent for a new
   * signal sent into the case by a caregiver already involved.
   */
  public static final String MATCH = "newSignalMatch";

  /** The discipline that reviews the new signal: the regiehouder's, or the first signaller's. */
  public static final String REVIEWER_DISCIPLINE = "newSignalReviewerDiscipline";

  /** The user who reviews it: the appointed regiehouder or the first signaller; may be null. */
  public static final String REVIEWER = "newSignalReviewer";

  /** {@link #MATCH} of a duplicate case merged into this one. */
  public static final String MERGED = "samengevoegd";

  private NewSignalVariables() {}
}
