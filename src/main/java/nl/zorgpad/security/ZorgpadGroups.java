package nl.zorgpad.security;

import java.util.List;
import nl.zorgpad.discipline.Disciplines;

/**
 * Group ids: the disciplines ({@link Disciplines}, the one list of them) plus the roles.
 * Disciplines use the Dutch words the field uses; they double as
 * candidate groups of user tasks until the sociale kaart resolves teams.
 */
public final class ZorgpadGroups {

  public static final String COORDINATOR = "coordinator";
  public static final String AUDITOR = "auditor";

  /**
   * Operators (beheer): read the metrics ({@code /actuator/prometheus}, docs/operations.md); no
   * engine authorization, no case data.
   */
  public static final String OPERATOR = "operator";

  /**
   * Policy officers of the municipality (issue 14): the monitor's aggregates only; refused every
   * other page and API (case pages, case API, Tasklist, audit), see {@link SecurityConfig}.
   */
  public static final String POLICY = "beleid";

  /** Camunda's built-in administrators group (name fixed by the webapps). */
  public static final String ADMIN = "camunda-admin";

  /** Disciplines of caregivers, in the order they are shown to users. */
  public static final List<String> DISCIPLINES = Disciplines.ALL;

  /** Spring Security authority of a group, e.g. {@code GROUP_coordinator}. */
  public static String authority(String groupId) {
    return "GROUP_" + groupId;
  }

  /** Dutch display names (what users see). */
  public static String displayName(String groupId) {
    return switch (groupId) {
      case Disciplines.VERLOSKUNDIGE -> "Verloskundige";
      case Disciplines.JGZ -> "Jeugdgezondheidszorg (JGZ)";
      case Disciplines.KRAAMZORG -> "Kraamzorg";
      case Disciplines.BUURTTEAM -> "Buurtteam";
      case Disciplines.HUISARTS -> "Huisarts";
      case Disciplines.POH_GGZ -> "POH-GGZ";
      case Disciplines.REGIEHOUDER -> "Regiehouder";
      case Disciplines.INFORMELE_ZORG -> "Informele zorg";
      case Disciplines.ZIEKENHUIS -> "Ziekenhuis";
      case COORDINATOR -> "Netwerkcoördinator";
      case AUDITOR -> "Auditor / privacy officer";
      case OPERATOR -> "Beheer (monitoring)";
      case POLICY -> "Beleid (gemeente)";
      case ADMIN -> "Beheerders";
      default -> groupId;
    };
  }

  public static boolean isDiscipline(String groupId) {
    return DISCIPLINES.contains(groupId);
  }

  private ZorgpadGroups() {}
}
