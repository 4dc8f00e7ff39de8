package nl.zorgpad.consent;

/**
 * Records reports to Veilig Thuis made under the meldrecht. A separate record, not a
 * {@link ConsentRecord}: the client did not decide anything, so it must never count as her
 * consent for a recipient and purpose; it sits next to the consent records of the case as the
 * one recorded exception. {@link RightToReportService} implements it with JPA.
 */
public interface RightToReportRegistry {

  /** @throws nl.zorgpad.casus.InvalidInputException when the statement breaks a rule */
  void record(RightToReportStatement statement);
}
