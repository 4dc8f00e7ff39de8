package nl.zorgpad.socialmap;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.zorgpad.security.ZorgpadGroups;

/**
 * A team of one discipline within an organisation, serving some neighbourhoods. Its
 * {@link #getGroupId() group id} (e.g. {@code jgz-utrecht-west}) is the Camunda candidate group
 * that tasks of its discipline in its neighbourhoods go to; it is fixed when the team is created.
 */
@Entity
@Table(name = "zp_team")
public class Team {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "organisation_id", nullable = false)
  private Organisation organisation;

  @Column(nullable = false, length = 150)
  private String name;

  @Column(nullable = false, length = 30)
  private String discipline;

  @Column(name = "group_id", nullable = false, length = 64, unique = true, updatable = false)
  private String groupId;

  /** The team's shared work mailbox for notifications (nl.zorgpad.notification); may be empty. */
  @Column(length = 254)
  private String mailbox;

  @ManyToMany
  @JoinTable(
      name = "zp_team_neighbourhood",
      joinColumns = @JoinColumn(name = "team_id"),
      inverseJoinColumns = @JoinColumn(name = "neighbourhood_id"))
  private Set<Neighbourhood> neighbourhoods = new LinkedHashSet<>();

  @OneToMany(mappedBy = "team", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("name")
  private List<Contact> contacts = new ArrayList<>();

  protected Team() {}

  public Team(String groupId, String discipline) {
    this.groupId = groupId;
    this.discipline = discipline;
  }

  public Long getId() {
    return id;
  }

  public int getVersion() {
    return version;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public void setOrganisation(Organisation organisation) {
    this.organisation = organisation;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDiscipline() {
    return discipline;
  }

  /** The discipline as users call it ("Jeugdgezondheidszorg (JGZ)"). */
  public String getDisciplineName() {
    return ZorgpadGroups.displayName(discipline);
  }

  public String getGroupId() {
    return groupId;
  }

  public String getMailbox() {
    return mailbox;
  }

  /** Set by the team's notification settings (the coordinator, on the team page). */
  public void setMailbox(String mailbox) {
    this.mailbox = mailbox == null || mailbox.isBlank() ? null : mailbox.strip();
  }

  /** Sorted by municipality and name. */
  public List<Neighbourhood> getNeighbourhoods() {
    return neighbourhoods.stream()
        .sorted(
            Comparator.comparing(Neighbourhood::getMunicipality)
                .thenComparing(Neighbourhood::getName))
        .toList();
  }

  void setNeighbourhoods(Set<Neighbourhood> served) {
    neighbourhoods.retainAll(served);
    neighbourhoods.addAll(served);
  }

  public List<Contact> getContacts() {
    return List.copyOf(contacts);
  }

  void addContact(Contact contact) {
    contacts.add(contact);
  }

  void removeContact(Contact contact) {
    contacts.remove(contact);
  }
}
