package nl.zorgpad.socialmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.zorgpad.postcode.Postcode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodesTest {

  @Test
  void normalisesTheWaysPeopleWriteAPostcode() {
    assertThat(Postcode.normalise("3531 AB")).hasValue("3531AB");
    assertThat(Postcode.normalise("3531ab")).hasValue("3531AB");
    assertThat(Postcode.normalise(" 3531\u00a0Ab ")).hasValue("3531AB");
    assertThat(Postcode.normalise("3531")).hasValue("3531");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "353",
        "35311",
        "0531AB",
        "3531A",
        "3531ABC",
        "AB3531",
        "3531-AB",
        "3531 A B1",
        "hallo"
      })
  void refusesWhatIsNotAPostcode(String input) {
    assertThat(Postcode.normalise(input)).isEmpty();
  }

  @Test
  void refusesNull() {
    assertThat(Postcode.normalise(null)).isEmpty();
  }

  @Test
  void parsesRangeLists() {
    List<PostcodeRange> ranges = Postcodes.parseRanges("3531-3534, 3551 aa – 3551 KZ; 3560");
    assertThat(ranges)
        .extracting(PostcodeRange::toString)
        .containsExactly("3531-3534", "3551AA-3551KZ", "3560");
    assertThat(ranges.get(0).getFromKey()).isEqualTo("3531AA");
    assertThat(ranges.get(0).getToKey()).isEqualTo("3534ZZ");
    assertThat(ranges.get(2).getFromKey()).isEqualTo("3560AA");
    assertThat(ranges.get(2).getToKey()).isEqualTo("3560ZZ");
    assertThat(Postcodes.formatRanges(ranges)).isEqualTo("3531-3534, 3551AA-3551KZ, 3560");
  }

  @Test
  void reportsTheWrongPartOfARangeList() {
    assertThatThrownBy(() -> Postcodes.parseRanges("3531-3534, 35x1-3540"))
        .isInstanceOfSatisfying(
            Postcodes.InvalidRangeException.class,
            e -> {
              assertThat(e.part()).isEqualTo("35x1-3540");
              assertThat(e.reversed()).isFalse();
            });
    assertThatThrownBy(() -> Postcodes.parseRanges("3531-3532-3533"))
        .isInstanceOf(Postcodes.InvalidRangeException.class);
    assertThatThrownBy(() -> Postcodes.parseRanges("3540-3531"))
        .isInstanceOfSatisfying(
            Postcodes.InvalidRangeException.class, e -> assertThat(e.reversed()).isTrue());
  }

  @Test
  void rangesOverlapWhenTheyShareAPostcode() {
    List<PostcodeRange> ranges = Postcodes.parseRanges("3531-3534, 3534ZZ, 3535, 3531KA-3531KZ");
    assertThat(ranges.get(0).overlaps(ranges.get(1))).isTrue();
    assertThat(ranges.get(0).overlaps(ranges.get(2))).isFalse();
    assertThat(ranges.get(3).overlaps(ranges.get(0))).isTrue();
    assertThat(ranges.get(2).overlaps(ranges.get(3))).isFalse();
  }
}
