package nl.zorgpad.socialmap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** What a coordinator edits of a team (also one "team" row of the CSV file). */
public class TeamForm {

  private Integer version;

  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 150, message = "{socialmap.error.tooLong}")
  private String name;

  @NotNull(message = "{socialmap.error.choose}")
  private Long organisationId;

  @NotBlank(message = "{socialmap.error.choose}")
  @Size(max = 30, message = "{socialmap.error.tooLong}")
  private String discipline;

  /** The team's Camunda candidate group, e.g. jgz-utrecht-west. */
  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 64, message = "{socialmap.error.tooLong}")
  @Pattern(regexp = NeighbourhoodForm.CODE_PATTERN, message = "{socialmap.error.code}")
  private String groupId;

  private List<Long> neighbourhoodIds = new ArrayList<>();

  public TeamForm() {}

  TeamForm(
      String groupId,
      String name,
      Long organisationId,
      String discipline,
      List<Long> neighbourhoodIds) {
    this.groupId = groupId;
    this.name = name;
    this.organisationId = organisationId;
    this.discipline = discipline;
    this.neighbourhoodIds = new ArrayList<>(neighbourhoodIds);
  }

  static TeamForm of(Team team) {
    TeamForm form =
        new TeamForm(
            team.getGroupId(),
            team.getName(),
            team.getOrganisation().getId(),
            team.getDiscipline(),
            team.getNeighbourhoods().stream().map(Neighbourhood::getId).toList());
    form.version = team.getVersion();
    return form;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(Long organisationId) {
    this.organisationId = organisationId;
  }

  public String getDiscipline() {
    return discipline;
  }

  public void setDiscipline(String discipline) {
    this.discipline = discipline;
  }

  public String getGroupId() {
    return groupId;
  }

  public void setGroupId(String groupId) {
    this.groupId = groupId;
  }

  public List<Long> getNeighbourhoodIds() {
    return neighbourhoodIds;
  }

  public void setNeighbourhoodIds(List<Long> neighbourhoodIds) {
    this.neighbourhoodIds = neighbourhoodIds == null ? new ArrayList<>() : neighbourhoodIds;
  }
}
