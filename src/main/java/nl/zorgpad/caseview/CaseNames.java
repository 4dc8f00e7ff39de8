package nl.zorgpad.caseview;

import java.util.List;
import java.util.Locale;
import nl.zorgpad.casus.RiskDomain;
import nl.zorgpad.security.ZorgpadGroups;
import nl.zorgpad.socialmap.Neighbourhood;
import nl.zorgpad.socialmap.NeighbourhoodRepository;
import nl.zorgpad.socialmap.Team;
import nl.zorgpad.socialmap.TeamRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Dutch names the case pages show instead of codes (issue 11): a team by its name in the
 * sociale kaart, a discipline by its Dutch name, a risk domain by the label of the signal form, a
 * neighbourhood by its name and town, a user by her name. Templates use it as
 * {@code ${@zpNames.team(groupId)}}; unknown codes are shown as they are.
 */
@Component("zpNames")
public class CaseNames {

  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private final TeamRepository teams;
  private final NeighbourhoodRepository neighbourhoods;
  private final IdentityService identityService;
  private final MessageSource messages;

  CaseNames(
      TeamRepository teams,
      NeighbourhoodRepository neighbourhoods,
      IdentityService identityService,
      MessageSource messages) {
    this.teams = teams;
    this.neighbourhoods = neighbourhoods;
    this.identityService = identityService;
    this.messages = messages;
  }

  /** A team group by the team's name; a discipline group by the discipline's Dutch name. */
  @Transactional(readOnly = true)
  public String team(String groupId) {
    if (groupId == null || groupId.isBlank()) {
      return "";
    }
    if (ZorgpadGroups.isDiscipline(groupId)) {
      return ZorgpadGroups.displayName(groupId);
    }
    return teams.findByGroupId(groupId).map(Team::getName).orElse(groupId);
  }

  public String discipline(String discipline) {
    return discipline == null ? "" : ZorgpadGroups.displayName(discipline);
  }

  /** "huisvesting" → "Huisvesting / dakloosheid" (the label of the signal form). */
  public String riskDomain(String code) {
    if (code == null || RiskDomain.fromCode(code).isEmpty()) {
      return code == null ? "" : code;
    }
    return messages.getMessage("riskDomain." + code, null, code, DUTCH);
  }

  public String riskDomains(List<String> codes) {
    return String.join(", ", codes.stream().map(this::riskDomain).toList());
  }

  /** "amersfoort-liendert" → "Liendert (Amersfoort)". */
  @Transactional(readOnly = true)
  public String neighbourhood(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    return neighbourhoods.findByCode(code).map(Neighbourhood::getDisplayName).orElse(code);
  }

  /** A user by first and last name; the id when the engine does not know her. */
  public String user(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    return name.isEmpty() ? userId : name;
  }
}
