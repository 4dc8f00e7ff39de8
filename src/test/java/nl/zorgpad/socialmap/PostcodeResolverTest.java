package nl.zorgpad.socialmap;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgpad.socialmap.PostcodeResolution.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/** Postcode → neighbourhood on the real schema (Flyway V2), every branch. */
@DataJpaTest
@Import(PostcodeResolver.class)
class PostcodeResolverTest {

  @Autowired NeighbourhoodRepository neighbourhoods;
  @Autowired PostcodeResolver resolver;

  @BeforeEach
  void givenASocialMap() {
    neighbourhood("utrecht-lombok", "Lombok", "3531-3534");
    // PC4 3551 is split between two neighbourhoods on its letters
    neighbourhood("utrecht-zuilen", "Zuilen", "3551AA-3551KZ, 3552");
    neighbourhood("utrecht-elinkwijk", "Elinkwijk", "3551LA-3551ZZ");
  }

  private void neighbourhood(String code, String name, String ranges) {
    Neighbourhood neighbourhood = new Neighbourhood(code);
    neighbourhood.setName(name);
    neighbourhood.setMunicipality("Utrecht");
    neighbourhood.setCoalition("Kansrijke Start Utrecht");
    neighbourhood.setPostcodeRanges(Postcodes.parseRanges(ranges));
    neighbourhoods.saveAndFlush(neighbourhood);
  }

  @Test
  void postcodeInsideARangeIsFound() {
    PostcodeResolution resolution = resolver.resolve("3532 XY");
    assertThat(resolution.status()).isEqualTo(Status.FOUND);
    assertThat(resolution.postcode()).isEqualTo("3532XY");
    assertThat(resolution.neighbourhood())
        .hasValueSatisfying(
            n -> {
              assertThat(n.code()).isEqualTo("utrecht-lombok");
              assertThat(n.displayName()).isEqualTo("Lombok (Utrecht)");
            });
  }

  @Test
  void bothBoundariesOfAPc4RangeBelongToIt() {
    assertThat(code("3531AA")).isEqualTo("utrecht-lombok");
    assertThat(code("3534ZZ")).isEqualTo("utrecht-lombok");
    assertThat(resolver.resolve("3530ZZ").status()).isEqualTo(Status.UNKNOWN);
    assertThat(resolver.resolve("3535AA").status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void pc4WithoutLettersIsFoundWhenOneNeighbourhoodCoversIt() {
    assertThat(code("3531")).isEqualTo("utrecht-lombok");
    assertThat(code("3534")).isEqualTo("utrecht-lombok");
    assertThat(code("3552")).isEqualTo("utrecht-zuilen");
  }

  @Test
  void lettersDecideWhereAPc4IsSplit() {
    assertThat(code("3551 KZ")).isEqualTo("utrecht-zuilen");
    assertThat(code("3551la")).isEqualTo("utrecht-elinkwijk");
    assertThat(code("3551AA")).isEqualTo("utrecht-zuilen");
    assertThat(code("3551ZZ")).isEqualTo("utrecht-elinkwijk");
  }

  @Test
  void splitPc4WithoutLettersIsAmbiguous() {
    PostcodeResolution resolution = resolver.resolve("3551");
    assertThat(resolution.status()).isEqualTo(Status.AMBIGUOUS);
    assertThat(resolution.neighbourhood()).isEmpty();
    assertThat(resolution.neighbourhoods())
        .extracting(PostcodeResolution.NeighbourhoodRef::code)
        .containsExactly("utrecht-elinkwijk", "utrecht-zuilen");
  }

  @Test
  void postcodeOutsideTheMapIsUnknown() {
    PostcodeResolution resolution = resolver.resolve("9999 ZZ");
    assertThat(resolution.status()).isEqualTo(Status.UNKNOWN);
    assertThat(resolution.neighbourhoods()).isEmpty();
    assertThat(resolver.resolve("1011").status()).isEqualTo(Status.UNKNOWN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "35311", "0531AB", "3531 A", "Kanaalstraat 12", "3531-AB"})
  void malformedInputIsReportedNotSearched(String input) {
    PostcodeResolution resolution = resolver.resolve(input);
    assertThat(resolution.status()).isEqualTo(Status.MALFORMED);
    assertThat(resolution.neighbourhoods()).isEmpty();
  }

  @Test
  void nullIsMalformed() {
    assertThat(resolver.resolve(null).status()).isEqualTo(Status.MALFORMED);
  }

  private String code(String postcode) {
    PostcodeResolution resolution = resolver.resolve(postcode);
    assertThat(resolution.status()).as(postcode).isEqualTo(Status.FOUND);
    return resolution.neighbourhood().orElseThrow().code();
  }
}
