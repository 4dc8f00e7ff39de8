package nl.zorgpad.casus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: every case status, involvement role, match kind and risk domain has a Dutch label in
 * both bundles — no {@code ??case.status.CLOSED_MOVED_nl_NL??} on {@code /casus}. A new enum
 * value without its label fails here.
 */
class CaseLabelsTest {

  @ParameterizedTest
  @EnumSource(CaseStatus.class)
  void everyCaseStatusHasADutchLabel(CaseStatus status) throws IOException {
    assertLabelled("case.status." + status.name());
  }

  @ParameterizedTest
  @EnumSource(InvolvementRole.class)
  void everyInvolvementRoleHasADutchLabel(InvolvementRole role) throws IOException {
    assertLabelled("case.role." + role.name());
  }

  @ParameterizedTest
  @EnumSource(MatchKind.class)
  void everyMatchKindHasADutchLabel(MatchKind kind) throws IOException {
    assertLabelled("case.signals.match." + kind.name());
  }

  @ParameterizedTest
  @EnumSource(CaseSignal.Origin.class)
  void everySignalOriginHasADutchLabel(CaseSignal.Origin origin) throws IOException {
    assertLabelled("case.signals.origin." + origin.name());
  }

  @ParameterizedTest
  @EnumSource(RiskDomain.class)
  void everyRiskDomainHasTheDutchNameOfTheSignalForm(RiskDomain domain) throws IOException {
    assertLabelled("riskDomain." + domain.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"signal.joined", "signal.joined.repeated", "signal.joined.weak"})
  void theAnswerToAJoinedSignalIsDutch(String key) throws IOException {
    assertLabelled(key);
  }

  private static void assertLabelled(String key) throws IOException {
    Properties properties = new Properties();
    try (var in =
        CaseLabelsTest.class.getClassLoader().getResourceAsStream("messages.properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    assertThat(properties.getProperty(key)).as(key).isNotBlank();
  }
}
