package nl.zorgpad.socialmap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.zorgpad.security.ZorgpadGroups;
import nl.zorgpad.socialmap.PostcodeResolution.NeighbourhoodRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searching the sociale kaart: by a name (of an organisation, team, contact, role or
 * neighbourhood), a discipline, a neighbourhood and a postcode, all optional and combined. The
 * answer is grouped by organisation, ready for a page (nothing lazy left to load).
 */
@Service
@Transactional(readOnly = true)
public class SocialMapSearch {

  private final EntityManager entityManager;
  private final PostcodeResolver postcodeResolver;
  private final OrganisationRepository organisations;

  SocialMapSearch(
      EntityManager entityManager,
      PostcodeResolver postcodeResolver,
      OrganisationRepository organisations) {
    this.entityManager = entityManager;
    this.postcodeResolver = postcodeResolver;
    this.organisations = organisations;
  }

  /**
   * @param text part of a name, or blank
   * @param discipline a discipline id, or blank
   * @param neighbourhoodCode a neighbourhood code, or blank
   * @param postcode a postcode (with or without letters), or blank
   */
  public record Criteria(
      String text, String discipline, String neighbourhoodCode, String postcode) {

    boolean narrowsTeams() {
      return !isBlank(discipline) || !isBlank(neighbourhoodCode) || !isBlank(postcode);
    }
  }

  /** @param postcode how the postcode was resolved; null when none was given */
  public record Result(
      PostcodeResolution postcode, List<OrganisationView> organisations, int teamCount) {}

  public record OrganisationView(
      Long id,
      String name,
      OrganisationType type,
      String coalition,
      String phone,
      List<TeamView> teams) {}

  public record TeamView(
      Long id,
      String name,
      String discipline,
      String disciplineName,
      String groupId,
      List<NeighbourhoodRef> neighbourhoods,
      List<ContactView> contacts) {}

  public record ContactView(Long id, String name, String role, String phone, String secureMail) {

    /** tel: link target: digits and a leading plus only. */
    public String phoneHref() {
      return phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
    }
  }

  public Result search(Criteria criteria) {
    PostcodeResolution resolution = null;
    List<String> postcodeNeighbourhoods = null;
    if (!isBlank(criteria.postcode())) {
      resolution = postcodeResolver.resolve(criteria.postcode());
      postcodeNeighbourhoods =
          resolution.neighbourhoods().stream().map(NeighbourhoodRef::code).toList();
      if (postcodeNeighbourhoods.isEmpty()) {
        return new Result(resolution, List.of(), 0);
      }
    }
    List<Team> found = findTeams(criteria, postcodeNeighbourhoods);
    Map<Long, OrganisationView> byOrganisation = new LinkedHashMap<>();
    Map<Long, List<TeamView>> teamsByOrganisation = new HashMap<>();
    for (Team team : found) {
      Organisation organisation = team.getOrganisation();
      byOrganisation.computeIfAbsent(
          organisation.getId(),
          key ->
              view(organisation, teamsByOrganisation.computeIfAbsent(key, k -> new ArrayList<>())));
      teamsByOrganisation.get(organisation.getId()).add(view(team));
    }
    if (!criteria.narrowsTeams()) {
      // organisations without (matching) teams are still part of the map
      for (Organisation organisation : organisations.findAllByOrderByNameAsc()) {
        if (!byOrganisation.containsKey(organisation.getId())
            && matches(organisation.getName(), criteria.text())) {
          byOrganisation.put(organisation.getId(), view(organisation, new ArrayList<>()));
        }
      }
    }
    List<OrganisationView> result = new ArrayList<>(byOrganisation.values());
    result.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return new Result(resolution, result, found.size());
  }

  private List<Team> findTeams(Criteria criteria, List<String> postcodeNeighbourhoods) {
    StringBuilder jpql =
        new StringBuilder("select t from Team t join fetch t.organisation o where 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (!isBlank(criteria.discipline())) {
      jpql.append(" and t.discipline = :discipline");
      parameters.put("discipline", criteria.discipline().strip());
    }
    if (!isBlank(criteria.neighbourhoodCode())) {
      jpql.append(
          " and exists (select n.id from Team t2 join t2.neighbourhoods n"
              + " where t2 = t and n.code = :neighbourhood)");
      parameters.put("neighbourhood", criteria.neighbourhoodCode().strip());
    }
    if (postcodeNeighbourhoods != null) {
      jpql.append(
          " and exists (select n.id from Team t3 join t3.neighbourhoods n"
              + " where t3 = t and n.code in :postcodeNeighbourhoods)");
      parameters.put("postcodeNeighbourhoods", postcodeNeighbourhoods);
    }
    if (!isBlank(criteria.text())) {
      jpql.append(
          " and (lower(t.name) like :text escape '\\' or lower(o.name) like :text"
              + " escape '\\'"
              + " or exists (select c.id from Contact c where c.team = t"
              + " and (lower(c.name) like :text escape '\\' or lower(c.role) like :text escape '\\'))"
              + " or exists (select n.id from Team t4 join t4.neighbourhoods n where t4 = t"
              + " and (lower(n.name) like :text escape '\\'"
              + " or lower(n.municipality) like :text escape '\\')))");
      parameters.put("text", likePattern(criteria.text()));
    }
    jpql.append(" order by o.name, t.name");
    TypedQuery<Team> query = entityManager.createQuery(jpql.toString(), Team.class);
    parameters.forEach(query::setParameter);
    return query.getResultList();
  }

  private static OrganisationView view(Organisation organisation, List<TeamView> teams) {
    return new OrganisationView(
        organisation.getId(),
        organisation.getName(),
        organisation.getType(),
        organisation.getCoalition(),
        organisation.getPhone(),
        teams);
  }

  private static TeamView view(Team team) {
    return new TeamView(
        team.getId(),
        team.getName(),
        team.getDiscipline(),
        ZorgpadGroups.displayName(team.getDiscipline()),
        team.getGroupId(),
        team.getNeighbourhoods().stream().map(NeighbourhoodRef::of).toList(),
        team.getContacts().stream()
            .map(
                contact ->
                    new ContactView(
                        contact.getId(),
                        contact.getName(),
                        contact.getRole(),
                        contact.getPhone(),
                        contact.getSecureMail()))
            .toList());
  }

  private static boolean matches(String value, String text) {
    return isBlank(text)
        || value.toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT));
  }

  private static String likePattern(String text) {
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
