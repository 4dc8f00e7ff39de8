package nl.zorgpad.security;

import java.util.List;

/**
 * Group ids. Disciplines use the Dutch words the field uses (DESIGN.md); they double as
 * candidate groups of user tasks until the sociale kaart resolves teams.
 */
public final class ZorgpadGroups {

  public static final String VERLOSKUNDIGE = "verloskundige";
  public static final String JGZ = "jgz";
  public static final String KRAAMZORG = "kraamzorg";
  public static final String BUURTTEAM = "buurtteam";
  public static final String HUISARTS = "huisarts";
  public static final String POH_GGZ = "poh-ggz";
  public static final String REGIEHOUDER = "regiehouder";
  public static final String INFORMELE_ZORG = "informele-zorg";
  public static final String ZIEKENHUIS = "ziekenhuis";

  public static final String COORDINATOR = "coordinator";
  public static final String AUDITOR = "auditor";
  /** Camunda's built-in administrators group (name fixed by the webapps). */
  public static final String ADMIN = "camunda-admin";

  /** Disciplines of caregivers, in the order they are shown to users. */
  public static final List<String> DISCIPLINES = List.of(
      VERLOSKUNDIGE, JGZ, KRAAMZORG, BUURTTEAM, HUISARTS, POH_GGZ, REGIEHOUDER, INFORMELE_ZORG,
      ZIEKENHUIS);

  /** Dutch display names (what users see). */
  public static String displayName(String groupId) {
    return switch (groupId) {
      case VERLOSKUNDIGE -> "Verloskundige";
      case JGZ -> "Jeugdgezondheidszorg (JGZ)";
      case KRAAMZORG -> "Kraamzorg";
      case BUURTTEAM -> "Buurtteam";
      case HUISARTS -> "Huisarts";
      case POH_GGZ -> "POH-GGZ";
      case REGIEHOUDER -> "Regiehouder";
      case INFORMELE_ZORG -> "Informele zorg";
      case ZIEKENHUIS -> "Ziekenhuis";
      case COORDINATOR -> "Netwerkcoördinator";
      case AUDITOR -> "Auditor / privacy officer";
      case ADMIN -> "Beheerders";
      default -> groupId;
    };
  }

  public static boolean isDiscipline(String groupId) {
    return DISCIPLINES.contains(groupId);
  }

  private ZorgpadGroups() {
  }
}
