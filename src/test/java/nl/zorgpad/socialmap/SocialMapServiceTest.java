package nl.zorgpad.socialmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

/** The rules of the edit pages that go beyond single fields. */
@DataJpaTest
@Import({
  SocialMapService.class,
  ValidationAutoConfiguration.class,
  MessageSourceAutoConfiguration.class
})
class SocialMapServiceTest {

  @Autowired SocialMapService service;
  @Autowired NeighbourhoodRepository neighbourhoods;
  @Autowired OrganisationRepository organisations;
  @Autowired TeamRepository teams;
  @MockitoBean TeamGroups teamGroups;

  Neighbourhood lombok;
  Organisation jgz;
  Team west;

  @BeforeEach
  void givenASocialMap() {
    SocialMapFixture map = new SocialMapFixture(neighbourhoods, organisations, teams);
    lombok = map.neighbourhood("utrecht-lombok", "Lombok", "Utrecht", "3531-3532");
    jgz = map.organisation("JGZ Utrecht", OrganisationType.GGD_JGZ);
    west = map.team(jgz, "jgz-utrecht-west", "jgz", lombok);
  }

  @Test
  void teamGroupStartsWithItsDisciplineAndIsNoReservedGroup() {
    assertThat(teamErrors("jgz")).containsExactly("groupId:socialmap.error.groupReserved");
    assertThat(teamErrors("coordinator")).containsExactly("groupId:socialmap.error.groupReserved");
    assertThat(teamErrors("utrecht-jgz")).containsExactly("groupId:socialmap.error.groupPrefix");
    assertThat(teamErrors("jgz-utrecht-west")).containsExactly("groupId:socialmap.error.duplicate");
    assertThat(teamErrors("JGZ-Oost")).containsExactly("groupId:Pattern");
    assertThat(teamErrors("jgz-utrecht-oost")).isEmpty();
  }

  @Test
  void codeGroupAndDisciplineAreFixedOnceCreated() {
    NeighbourhoodForm neighbourhood = service.neighbourhoodForm(lombok.getId());
    neighbourhood.setCode("utrecht-lombok-2");
    assertThat(
            errors(
                neighbourhood,
                form -> service.saveNeighbourhood(lombok.getId(), neighbourhood, form)))
        .containsExactly("code:socialmap.error.codeFixed");

    TeamForm team = service.teamForm(west.getId());
    team.setGroupId("jgz-utrecht-zuid");
    team.setDiscipline("verloskundige");
    assertThat(errors(team, form -> service.saveTeam(west.getId(), team, form)))
        .containsExactlyInAnyOrder(
            "groupId:socialmap.error.groupFixed", "discipline:socialmap.error.disciplineFixed");
  }

  @Test
  void postcodeRangesOfNeighbourhoodsNeverOverlap() {
    NeighbourhoodForm form =
        new NeighbourhoodForm(
            "utrecht-zuilen",
            "Zuilen",
            "Utrecht",
            "Kansrijke Start Utrecht",
            "3551-3552, 3532KA-3532KZ");
    assertThat(errors(form, errors -> service.saveNeighbourhood(null, form, errors)))
        .containsExactly("postcodes:socialmap.error.postcodeRangeOverlaps");
    form.setPostcodes("3551-3552, 3552AB");
    assertThat(errors(form, errors -> service.saveNeighbourhood(null, form, errors)))
        .containsExactly("postcodes:socialmap.error.postcodeRangeOverlapsItself");
    form.setPostcodes("3551-3552");
    assertThat(errors(form, errors -> service.saveNeighbourhood(null, form, errors))).isEmpty();
    // a neighbourhood may of course keep its own ranges
    NeighbourhoodForm own = service.neighbourhoodForm(lombok.getId());
    own.setName("Lombok en Oog in Al");
    assertThat(errors(own, errors -> service.saveNeighbourhood(lombok.getId(), own, errors)))
        .isEmpty();
  }

  @Test
  void aChangeOnAStaleVersionIsRefused() {
    OrganisationForm form = service.organisationForm(jgz.getId());
    form.setVersion(form.getVersion() + 1);
    assertThat(errors(form, errors -> service.saveOrganisation(jgz.getId(), form, errors)))
        .containsExactly("socialmap.error.stale");
  }

  @Test
  void whatIsInUseCannotBeDeleted() {
    assertThatThrownBy(() -> service.deleteNeighbourhood(lombok.getId()))
        .isInstanceOfSatisfying(
            SocialMapConflictException.class,
            e ->
                assertThat(e.getCodes()).containsExactly("socialmap.conflict.neighbourhoodServed"));
    assertThatThrownBy(() -> service.deleteOrganisation(jgz.getId()))
        .isInstanceOf(SocialMapConflictException.class);
    when(teamGroups.openTaskCount("jgz-utrecht-west")).thenReturn(2L);
    assertThatThrownBy(() -> service.deleteTeam(west.getId()))
        .isInstanceOfSatisfying(
            SocialMapConflictException.class,
            e -> assertThat(e.getArguments()).containsExactly("jgz-utrecht-west", 2L));
    when(teamGroups.openTaskCount("jgz-utrecht-west")).thenReturn(0L);
    service.deleteTeam(west.getId());
    service.deleteNeighbourhood(lombok.getId());
    service.deleteOrganisation(jgz.getId());
    assertThat(teams.count() + neighbourhoods.count() + organisations.count()).isZero();
  }

  private List<String> teamErrors(String groupId) {
    TeamForm form = new TeamForm(groupId, "Team", jgz.getId(), "jgz", List.of(lombok.getId()));
    return errors(form, errors -> service.saveTeam(null, form, errors));
  }

  private static List<String> errors(
      Object form, java.util.function.Consumer<BeanPropertyBindingResult> save) {
    BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
    save.accept(errors);
    return errors.getAllErrors().stream()
        .map(
            error ->
                error instanceof FieldError field
                    ? field.getField() + ":" + field.getCode()
                    : error.getCode())
        .toList();
  }
}
