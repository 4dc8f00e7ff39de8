package nl.zorgpad.discipline;

import java.util.List;

/**
 * Discipline ids: the Dutch words the field uses. They double as candidate groups of
 * user tasks. Until the sociale kaart ({@code socialmap}) owns disciplines, this is the list the
 * case and consent rules check against.
 */
public final class Disciplines {

  public static final String VERLOSKUNDIGE = "verloskundige";
  public static final String JGZ = "jgz";
  public static final String KRAAMZORG = "kraamzorg";
  public static final String BUURTTEAM = "buurtteam";
  public static final String HUISARTS = "huisarts";
  public static final String POH_GGZ = "poh-ggz";
  public static final String REGIEHOUDER = "regiehouder";
  public static final String INFORMELE_ZORG = "informele-zorg";
  public static final String ZIEKENHUIS = "ziekenhuis";

  /** Every caregiver discipline (a consent may name any of them as recipient). */
  public static final List<String> ALL =
      List.of(
          VERLOSKUNDIGE,
          JGZ,
          KRAAMZORG,
          BUURTTEAM,
          HUISARTS,
          POH_GGZ,
          REGIEHOUDER,
          INFORMELE_ZORG,
          ZIEKENHUIS);

  /**
   * Who may signal a vulnerable pregnancy. The regiehouder is a role given to someone after
   * triage, not a source of signals.
   */
  public static final List<String> SIGNALLING =
      List.of(
          VERLOSKUNDIGE, JGZ, KRAAMZORG, BUURTTEAM, HUISARTS, POH_GGZ, ZIEKENHUIS, INFORMELE_ZORG);

  private Disciplines() {}
}
