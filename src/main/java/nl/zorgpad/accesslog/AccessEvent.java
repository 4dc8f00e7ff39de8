package nl.zorgpad.accesslog;

/**
 * What is logged about one access, apart from who and when ({@link Actor}, the clock).
 *
 * @param caseNumber the case, null for accesses outside one case
 * @param clientId whose data: {@code client:<id>} (mother), {@code child:<id>}, or
 *     {@code case:<caseNumber>} while the case has no client dossier yet
 * @param objectType the kind of object, e.g. {@code Client}, {@code CaseSummary}
 * @param objectId its id
 * @param purpose purpose of use, a {@link Purposes} code
 * @param basis the consent basis: {@code involvement}, {@code task}, {@code consent:<id>},
 *     {@code referral}, {@code emergency}, {@code meldrecht}, {@code pathway}, or null when
 *     refused
 * @param detail a short English note (why refused, what changed); no clinical text
 */
public record AccessEvent(
    String caseNumber,
    String clientId,
    String objectType,
    String objectId,
    AccessAction action,
    AccessOutcome outcome,
    String purpose,
    String basis,
    boolean emergency,
    String detail) {

  /** The usual purposes of use. */
  public static final class Purposes {
    /** Zorgverlening: a caregiver working on the case. */
    public static final String CARE = "care";

    /** Noodprocedure. */
    public static final String EMERGENCY = "emergency";

    /** The pathway engine recording what a completed task decided. */
    public static final String PATHWAY = "pathway";

    private Purposes() {}
  }
}
