package nl.zorgpad.assignment;

import java.util.List;
import java.util.Locale;
import nl.zorgpad.assignment.AssignmentResult.Outcome;
import nl.zorgpad.security.ZorgpadGroups;
import nl.zorgpad.socialmap.NeighbourhoodRepository;
import nl.zorgpad.socialmap.PostcodeResolution;
import nl.zorgpad.socialmap.PostcodeResolver;
import nl.zorgpad.socialmap.Team;
import nl.zorgpad.socialmap.TeamRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discipline + neighbourhood (or postcode) → the candidate groups of a task, from the sociale
 * kaart.
 *
 * <ul>
 *   <li>Teams of the discipline serve the neighbourhood → their groups (all of them when several
 *       do, e.g. two midwifery practices in one wijk).</li>
 *   <li>The sociale kaart has no team of the discipline at all → the discipline group, without
 *       warning: that coalition works with the discipline as a whole.</li>
 *   <li>Otherwise (neighbourhood unknown, not in the kaart, or no team there) → the discipline
 *       group, with a Dutch warning for the caregiver and a log line, so that the gap is seen and
 *       the regiehouder can reassign.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class TeamResolver {

  private static final Logger LOG = LoggerFactory.getLogger(TeamResolver.class);
  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private final TeamRepository teams;
  private final NeighbourhoodRepository neighbourhoods;
  private final PostcodeResolver postcodes;
  private final MessageSource messages;

  TeamResolver(
      TeamRepository teams,
      NeighbourhoodRepository neighbourhoods,
      PostcodeResolver postcodes,
      MessageSource messages) {
    this.teams = teams;
    this.neighbourhoods = neighbourhoods;
    this.postcodes = postcodes;
    this.messages = messages;
  }

  /**
   * @param discipline a candidate group from the BPMN (normally a discipline id)
   * @param neighbourhoodCode the case's neighbourhood code, or null when unknown
   */
  public AssignmentResult resolve(String discipline, String neighbourhoodCode) {
    if (!ZorgpadGroups.isDiscipline(discipline)) {
      return new AssignmentResult(discipline, List.of(discipline), Outcome.NOT_A_DISCIPLINE, null);
    }
    if (!teams.existsByDiscipline(discipline)) {
      return new AssignmentResult(
          discipline, List.of(discipline), Outcome.DISCIPLINE_WITHOUT_TEAMS, null);
    }
    if (neighbourhoodCode == null || neighbourhoodCode.isBlank()) {
      return fallback(
          discipline, Outcome.NO_NEIGHBOURHOOD, "assignment.warning.noNeighbourhood", null);
    }
    String code = neighbourhoodCode.strip();
    var neighbourhood = neighbourhoods.findByCode(code);
    if (neighbourhood.isEmpty()) {
      return fallback(
          discipline,
          Outcome.UNKNOWN_NEIGHBOURHOOD,
          "assignment.warning.unknownNeighbourhood",
          code);
    }
    List<String> serving =
        teams.findServing(discipline, code).stream().map(Team::getGroupId).toList();
    if (serving.isEmpty()) {
      return fallback(
          discipline,
          Outcome.NO_TEAM,
          "assignment.warning.noTeam",
          neighbourhood.get().getDisplayName());
    }
    return new AssignmentResult(discipline, serving, Outcome.TEAM, null);
  }

  /**
   * The same from a postcode, for callers that know the client's address (the dossier). The
   * postcode is neither logged nor part of the warning.
   */
  public AssignmentResult resolveByPostcode(String discipline, String postcode) {
    PostcodeResolution resolution = postcodes.resolve(postcode);
    if (resolution.status() == PostcodeResolution.Status.FOUND) {
      return resolve(discipline, resolution.neighbourhood().orElseThrow().code());
    }
    if (!ZorgpadGroups.isDiscipline(discipline) || !teams.existsByDiscipline(discipline)) {
      return resolve(discipline, null);
    }
    String key =
        switch (resolution.status()) {
          case MALFORMED -> "assignment.warning.malformedPostcode";
          case AMBIGUOUS -> "assignment.warning.ambiguousPostcode";
          default -> "assignment.warning.unknownPostcode";
        };
    return fallback(discipline, Outcome.UNKNOWN_NEIGHBOURHOOD, key, null);
  }

  private AssignmentResult fallback(String discipline, Outcome outcome, String key, String detail) {
    String warning =
        messages.getMessage(
            key, new Object[] {ZorgpadGroups.displayName(discipline), detail}, DUTCH);
    LOG.warn(
        "No team for discipline {} ({}{}); the task goes to the discipline group",
        discipline,
        outcome,
        detail == null ? "" : ": " + detail);
    return new AssignmentResult(discipline, List.of(discipline), outcome, warning);
  }
}
