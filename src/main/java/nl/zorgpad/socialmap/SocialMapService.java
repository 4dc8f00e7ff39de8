package nl.zorgpad.socialmap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.security.ZorgpadGroups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;

/**
 * Changes to the sociale kaart, for the edit pages and the CSV import alike: every rule is checked
 * here, errors go into {@link Errors} as message keys (Dutch texts in messages*.properties), and
 * nothing is written when there is an error.
 *
 * <p>Rules beyond the fields themselves: codes and team group ids are unique and fixed once
 * created (cases and tasks refer to them); a team's group id starts with its discipline
 * ({@code jgz-…}) and is never a discipline or system group; postcode ranges of different
 * neighbourhoods never overlap, so that a postcode has one neighbourhood; a contact has a phone
 * number or a secure-mail address. Saving a team makes sure its Camunda group exists.
 */
@Service
@Transactional
public class SocialMapService {

  static final String ERROR_DUPLICATE = "socialmap.error.duplicate";
  private static final Set<String> RESERVED_GROUPS = reservedGroups();

  private final NeighbourhoodRepository neighbourhoods;
  private final OrganisationRepository organisations;
  private final TeamRepository teams;
  private final ContactRepository contacts;
  private final SmartValidator validator;
  private final TeamGroups teamGroups;

  SocialMapService(
      NeighbourhoodRepository neighbourhoods,
      OrganisationRepository organisations,
      TeamRepository teams,
      ContactRepository contacts,
      SmartValidator validator,
      TeamGroups teamGroups) {
    this.neighbourhoods = neighbourhoods;
    this.organisations = organisations;
    this.teams = teams;
    this.contacts = contacts;
    this.validator = validator;
    this.teamGroups = teamGroups;
  }

  private static Set<String> reservedGroups() {
    Set<String> reserved = new HashSet<>(ZorgpadGroups.DISCIPLINES);
    reserved.add(ZorgpadGroups.COORDINATOR);
    reserved.add(ZorgpadGroups.AUDITOR);
    reserved.add(ZorgpadGroups.ADMIN);
    return reserved;
  }

  // --- neighbourhoods ---

  @Transactional(readOnly = true)
  public NeighbourhoodForm neighbourhoodForm(long id) {
    return NeighbourhoodForm.of(neighbourhood(id));
  }

  /** Creates ({@code id == null}) or changes a neighbourhood; empty when {@code errors} has any. */
  public Optional<Long> saveNeighbourhood(Long id, NeighbourhoodForm form, Errors errors) {
    validator.validate(form, errors);
    Neighbourhood existing = id == null ? null : neighbourhood(id);
    checkVersion(existing == null ? null : existing.getVersion(), form.getVersion(), errors);
    if (existing != null) {
      if (!existing.getCode().equals(form.getCode())) {
        errors.rejectValue("code", "socialmap.error.codeFixed");
      }
    } else if (!errors.hasFieldErrors("code")
        && neighbourhoods.findByCode(form.getCode()).isPresent()) {
      errors.rejectValue("code", ERROR_DUPLICATE);
    }
    List<PostcodeRange> ranges = List.of();
    if (!errors.hasFieldErrors("postcodes")) {
      ranges = checkRanges(existing, form.getPostcodes(), errors);
    }
    if (errors.hasErrors()) {
      return Optional.empty();
    }
    Neighbourhood neighbourhood = existing != null ? existing : new Neighbourhood(form.getCode());
    neighbourhood.setName(form.getName().strip());
    neighbourhood.setMunicipality(form.getMunicipality().strip());
    neighbourhood.setCoalition(form.getCoalition().strip());
    neighbourhood.setPostcodeRanges(ranges);
    return Optional.of(neighbourhoods.save(neighbourhood).getId());
  }

  private List<PostcodeRange> checkRanges(Neighbourhood self, String text, Errors errors) {
    List<PostcodeRange> ranges;
    try {
      ranges = Postcodes.parseRanges(text);
    } catch (Postcodes.InvalidRangeException e) {
      errors.rejectValue(
          "postcodes",
          e.reversed() ? "socialmap.error.postcodeRangeReversed" : "socialmap.error.postcodeRange",
          new Object[] {e.part()},
          null);
      return List.of();
    }
    if (ranges.isEmpty()) {
      errors.rejectValue("postcodes", "socialmap.error.required");
      return ranges;
    }
    for (int i = 0; i < ranges.size(); i++) {
      for (int j = i + 1; j < ranges.size(); j++) {
        if (ranges.get(i).overlaps(ranges.get(j))) {
          errors.rejectValue(
              "postcodes",
              "socialmap.error.postcodeRangeOverlapsItself",
              new Object[] {ranges.get(i).toString(), ranges.get(j).toString()},
              null);
          return ranges;
        }
      }
    }
    for (PostcodeRange range : ranges) {
      for (Neighbourhood other :
          neighbourhoods.findOverlapping(range.getFromKey(), range.getToKey())) {
        if (self == null || !other.getId().equals(self.getId())) {
          errors.rejectValue(
              "postcodes",
              "socialmap.error.postcodeRangeOverlaps",
              new Object[] {range.toString(), other.getDisplayName(), other.getCode()},
              null);
          return ranges;
        }
      }
    }
    return ranges;
  }

  /** Refused (409) while teams serve the neighbourhood: their tasks would lose their way. */
  public void deleteNeighbourhood(long id) {
    Neighbourhood neighbourhood = neighbourhood(id);
    List<Team> serving = teams.findByNeighbourhood(id);
    if (!serving.isEmpty()) {
      throw new SocialMapConflictException(
          "socialmap.conflict.neighbourhoodServed", neighbourhood.getDisplayName(), names(serving));
    }
    neighbourhoods.delete(neighbourhood);
  }

  // --- organisations ---

  @Transactional(readOnly = true)
  public OrganisationForm organisationForm(long id) {
    return OrganisationForm.of(organisation(id));
  }

  public Optional<Long> saveOrganisation(Long id, OrganisationForm form, Errors errors) {
    validator.validate(form, errors);
    Organisation existing = id == null ? null : organisation(id);
    checkVersion(existing == null ? null : existing.getVersion(), form.getVersion(), errors);
    if (!errors.hasFieldErrors("name")) {
      organisations
          .findByNameIgnoreCase(form.getName().strip())
          .filter(other -> existing == null || !other.getId().equals(existing.getId()))
          .ifPresent(other -> errors.rejectValue("name", ERROR_DUPLICATE));
    }
    if (errors.hasErrors()) {
      return Optional.empty();
    }
    Organisation organisation =
        existing != null ? existing : new Organisation(form.getName().strip());
    organisation.setName(form.getName().strip());
    organisation.setType(form.getType());
    organisation.setCoalition(form.getCoalition().strip());
    organisation.setPhone(blankToNull(form.getPhone()));
    organisation = organisations.save(organisation);
    // the name is part of each team's group name
    for (Team team : teams.findByOrganisationOrderByName(organisation)) {
      teamGroups.ensureGroup(team.getGroupId(), team.getDiscipline(), groupName(team));
    }
    return Optional.of(organisation.getId());
  }

  /** Refused (409) while the organisation has teams. */
  public void deleteOrganisation(long id) {
    Organisation organisation = organisation(id);
    List<Team> owned = teams.findByOrganisationOrderByName(organisation);
    if (!owned.isEmpty()) {
      throw new SocialMapConflictException(
          "socialmap.conflict.organisationHasTeams", organisation.getName(), names(owned));
    }
    organisations.delete(organisation);
  }

  // --- teams ---

  @Transactional(readOnly = true)
  public TeamForm teamForm(long id) {
    return TeamForm.of(team(id));
  }

  public Optional<Long> saveTeam(Long id, TeamForm form, Errors errors) {
    validator.validate(form, errors);
    Team existing = id == null ? null : team(id);
    checkVersion(existing == null ? null : existing.getVersion(), form.getVersion(), errors);
    String discipline = form.getDiscipline();
    if (!errors.hasFieldErrors("discipline") && !ZorgpadGroups.isDiscipline(discipline)) {
      errors.rejectValue("discipline", "socialmap.error.discipline");
    }
    if (existing != null) {
      if (!existing.getGroupId().equals(form.getGroupId())) {
        errors.rejectValue("groupId", "socialmap.error.groupFixed");
      }
      if (!existing.getDiscipline().equals(discipline)) {
        errors.rejectValue("discipline", "socialmap.error.disciplineFixed");
      }
    } else if (!errors.hasFieldErrors("groupId")) {
      String groupId = form.getGroupId();
      if (RESERVED_GROUPS.contains(groupId)) {
        errors.rejectValue("groupId", "socialmap.error.groupReserved");
      } else if (!errors.hasFieldErrors("discipline") && !groupId.startsWith(discipline + "-")) {
        errors.rejectValue(
            "groupId", "socialmap.error.groupPrefix", new Object[] {discipline + "-"}, null);
      } else if (teams.existsByGroupId(groupId)) {
        errors.rejectValue("groupId", ERROR_DUPLICATE);
      }
    }
    Organisation organisation = null;
    if (form.getOrganisationId() != null) {
      organisation = organisations.findById(form.getOrganisationId()).orElse(null);
      if (organisation == null) {
        errors.rejectValue("organisationId", "socialmap.error.unknown");
      }
    }
    Set<Neighbourhood> served = new LinkedHashSet<>();
    for (Long neighbourhoodId : new LinkedHashSet<>(form.getNeighbourhoodIds())) {
      Optional<Neighbourhood> neighbourhood =
          neighbourhoodId == null ? Optional.empty() : neighbourhoods.findById(neighbourhoodId);
      if (neighbourhood.isEmpty()) {
        errors.rejectValue("neighbourhoodIds", "socialmap.error.unknown");
        break;
      }
      served.add(neighbourhood.get());
    }
    if (errors.hasErrors()) {
      return Optional.empty();
    }
    Team team = existing != null ? existing : new Team(form.getGroupId(), discipline);
    team.setName(form.getName().strip());
    team.setOrganisation(organisation);
    team.setNeighbourhoods(served);
    team = teams.save(team);
    teamGroups.ensureGroup(team.getGroupId(), team.getDiscipline(), groupName(team));
    return Optional.of(team.getId());
  }

  /**
   * Deletes a team and its contacts. Refused (409) while tasks wait for the team: reassign them
   * first. The Camunda group stays (history refers to it); an administrator may remove it.
   */
  public void deleteTeam(long id) {
    Team team = team(id);
    long open = teamGroups.openTaskCount(team.getGroupId());
    if (open > 0) {
      throw new SocialMapConflictException("socialmap.conflict.teamHasTasks", team.getName(), open);
    }
    teams.delete(team);
  }

  /** Makes sure every team has its group and rights ({@link TeamGroups#ensureGroup}). */
  public void ensureTeamGroups() {
    for (Team team : teams.findAll()) {
      teamGroups.ensureGroup(team.getGroupId(), team.getDiscipline(), groupName(team));
    }
  }

  // --- contacts ---

  @Transactional(readOnly = true)
  public ContactForm contactForm(long id) {
    return ContactForm.of(contact(id));
  }

  /** The team a contact belongs to (contacts do not move between teams). */
  @Transactional(readOnly = true)
  public long teamOfContact(long contactId) {
    return contact(contactId).getTeam().getId();
  }

  /** Creates a contact of a team ({@code id == null}) or changes one. */
  public Optional<Long> saveContact(long teamId, Long id, ContactForm form, Errors errors) {
    Team team = team(teamId);
    validator.validate(form, errors);
    Contact existing = id == null ? null : contact(id);
    if (existing != null && !existing.getTeam().getId().equals(teamId)) {
      throw new SocialMapNotFoundException("contact", id);
    }
    checkVersion(existing == null ? null : existing.getVersion(), form.getVersion(), errors);
    if (isBlank(form.getPhone()) && isBlank(form.getSecureMail())) {
      errors.rejectValue("phone", "socialmap.error.phoneOrMail");
    }
    if (!errors.hasFieldErrors("name")) {
      contacts
          .findByTeamAndNameIgnoreCase(team, form.getName().strip())
          .filter(other -> existing == null || !other.getId().equals(existing.getId()))
          .ifPresent(other -> errors.rejectValue("name", ERROR_DUPLICATE));
    }
    if (errors.hasErrors()) {
      return Optional.empty();
    }
    Contact contact = existing;
    if (contact == null) {
      contact = new Contact(team, form.getName().strip());
      team.addContact(contact);
    }
    contact.setName(form.getName().strip());
    contact.setRole(form.getRole().strip());
    contact.setPhone(blankToNull(form.getPhone()));
    contact.setSecureMail(blankToNull(form.getSecureMail()));
    return Optional.of(contacts.saveAndFlush(contact).getId());
  }

  public void deleteContact(long id) {
    Contact contact = contact(id);
    contact.getTeam().removeContact(contact);
    contacts.delete(contact);
  }

  /** Field checks only: for a CSV row that cannot be saved anyway, to report all its errors. */
  void validateOnly(Object form, Errors errors) {
    validator.validate(form, errors);
  }

  // --- lookups for the pages ---

  @Transactional(readOnly = true)
  public List<Neighbourhood> allNeighbourhoods() {
    List<Neighbourhood> all = neighbourhoods.findAllByOrderByMunicipalityAscNameAsc();
    all.forEach(n -> n.getPostcodeRanges().size());
    return all;
  }

  @Transactional(readOnly = true)
  public List<Organisation> allOrganisations() {
    return organisations.findAllByOrderByNameAsc();
  }

  /** Teams with organisation, neighbourhoods and contacts loaded. */
  @Transactional(readOnly = true)
  public List<Team> allTeams() {
    List<Team> all = new ArrayList<>(teams.findAllByOrderByNameAsc());
    all.forEach(SocialMapService::load);
    return all;
  }

  @Transactional(readOnly = true)
  public Team loadedTeam(long id) {
    Team team = team(id);
    load(team);
    return team;
  }

  private static void load(Team team) {
    team.getOrganisation().getName();
    team.getNeighbourhoods();
    team.getContacts();
  }

  Neighbourhood neighbourhood(long id) {
    return neighbourhoods
        .findById(id)
        .orElseThrow(() -> new SocialMapNotFoundException("neighbourhood", id));
  }

  Organisation organisation(long id) {
    return organisations
        .findById(id)
        .orElseThrow(() -> new SocialMapNotFoundException("organisation", id));
  }

  Team team(long id) {
    return teams.findById(id).orElseThrow(() -> new SocialMapNotFoundException("team", id));
  }

  Contact contact(long id) {
    return contacts.findById(id).orElseThrow(() -> new SocialMapNotFoundException("contact", id));
  }

  /** "JGZ Utrecht West – Jeugdgezondheidszorg Utrecht Stad": how the Tasklist names the group. */
  static String groupName(Team team) {
    String name = team.getName() + " – " + team.getOrganisation().getName();
    return name.length() <= 255 ? name : name.substring(0, 255);
  }

  private static void checkVersion(Integer current, Integer submitted, Errors errors) {
    if (current != null && submitted != null && !Objects.equals(current, submitted)) {
      errors.reject("socialmap.error.stale");
    }
  }

  private static String names(List<Team> teams) {
    return String.join(", ", teams.stream().map(Team::getName).toList());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
