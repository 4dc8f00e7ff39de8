package nl.zorgpad.casus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.zorgpad.casus.ClientMatchKeys.MatchKey;
import org.junit.jupiter.api.Test;

/** The pseudonymous match keys of decision 0008. */
class ClientMatchKeysTest {

  static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
  static final ClientMatchKeys KEYS = ClientMatchKeys.withSecret(SECRET);
  static final LocalDate BIRTH = LocalDate.of(1996, 5, 17);

  @Test
  void bsnAndBirthDateGiveAStrongKeyAndThePostcodeAWeakOne() {
    List<MatchKey> keys = KEYS.keysOf(null, "111222333", BIRTH, "3531 AB");
    assertThat(keys)
        .extracting(MatchKey::kind)
        .containsExactly(MatchKind.BSN_BIRTH_DATE, MatchKind.BIRTH_DATE_POSTCODE);
    assertThat(keys)
        .allSatisfy(
            key ->
                assertThat(key.hash())
                    .matches("[0-9a-f]{64}")
                    .doesNotContain("111222333")
                    .doesNotContain("1996"));
  }

  @Test
  void theSameWomanGivesTheSameKeysWhateverTheSpelling() {
    assertThat(KEYS.keysOf(null, "111222333", BIRTH, "3531ab"))
        .isEqualTo(KEYS.keysOf(null, " 111222333 ", BIRTH, "3531 AB"));
  }

  @Test
  void aPostcodeOfFourDigitsMeetsTheFullOne() {
    assertThat(KEYS.keysOf(null, null, BIRTH, "3531"))
        .isEqualTo(KEYS.keysOf(null, null, BIRTH, "3531 ZZ"));
  }

  @Test
  void withoutBirthDateThereIsNothingToMatchOn() {
    assertThat(KEYS.keysOf(null, "111222333", null, "3531AB")).isEmpty();
    assertThat(KEYS.keysOf(null, null, BIRTH, null)).isEmpty();
    assertThat(KEYS.keysOf(null, null, BIRTH, "not a postcode")).isEmpty();
  }

  @Test
  void anotherBirthDateOrBsnIsAnotherWoman() {
    assertThat(KEYS.keysOf(null, "111222333", BIRTH, null))
        .doesNotContainAnyElementsOf(KEYS.keysOf(null, "111222333", BIRTH.plusDays(1), null))
        .doesNotContainAnyElementsOf(KEYS.keysOf(null, "123456782", BIRTH, null));
  }

  @Test
  void aWomanIsOnlyMatchedWithinHerCoalition() {
    assertThat(KEYS.keysOf("kansrijke-start-zeist", "111222333", BIRTH, "3531AB"))
        .doesNotContainAnyElementsOf(KEYS.keysOf(null, "111222333", BIRTH, "3531AB"));
  }

  @Test
  void anotherSecretGivesOtherKeysAndAnotherSecretId() {
    ClientMatchKeys other = ClientMatchKeys.withSecret(SECRET + "-rotated");
    assertThat(other.keysOf(null, "111222333", BIRTH, "3531AB"))
        .doesNotContainAnyElementsOf(KEYS.keysOf(null, "111222333", BIRTH, "3531AB"));
    assertThat(other.secretId()).isNotEqualTo(KEYS.secretId()).hasSize(16);
  }

  @Test
  void zorgpadRefusesToStartWithoutASecretOrWithAShortOne() {
    assertThatThrownBy(() -> new ClientMatchKeys(new MatchProperties(null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ZORGPAD_MATCH_SECRET");
    assertThatThrownBy(() -> new ClientMatchKeys(new MatchProperties("too-short", null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32");
    // a configured secret wins over the demo default
    assertThat(new ClientMatchKeys(new MatchProperties(SECRET, "demo")).secretId())
        .isEqualTo(KEYS.secretId());
  }

  @Test
  void theSignalsClientDataNeverShowsInALogLine() {
    SignalledClient client = new SignalledClient("111222333", BIRTH, "3531AB");
    assertThat(client.toString())
        .doesNotContain("111222333")
        .doesNotContain("1996")
        .doesNotContain("3531");
  }

  @Test
  void theSignalsClientDataFollowsTheRulesOfTheClientPage() {
    assertThat(
            new SignalledClient("123", BIRTH.plusYears(60), "0531AB")
                .check(LocalDate.of(2026, 3, 2)))
        .extracting(Violation::field)
        .containsExactly("clientBsn", "clientBirthDate", "clientPostcode");
    assertThat(new SignalledClient(null, null, "3531").check(LocalDate.of(2026, 3, 2))).isEmpty();
  }
}
