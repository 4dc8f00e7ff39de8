package nl.zorgpad.formcontract;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.zorgpad.casus.CaseEndReason;
import nl.zorgpad.casus.MatchKind;
import nl.zorgpad.casus.RiskDomain;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.intake.NewSignalVariables;
import nl.zorgpad.pathway.PathwayMessages;
import nl.zorgpad.pathway.PathwayVariables;

/**
 * The payload contracts of the BPMN messages that have no form: the messages of Zorgpad's API
 * for other systems (docs/api.md, {@code nl.zorgpad.api.CaseMessageController}), whatever door
 * they are correlated through. A message (or signal) without a contract here carries no
 * variables.
 */
final class MessageContracts {

  private static final List<String> RISK_DOMAINS =
      Arrays.stream(RiskDomain.values()).map(RiskDomain::code).toList();

  /** How a joined signal matched her case, or a merged duplicate's (decision 0008). */
  private static final List<String> MATCHES =
      Stream.concat(
              Arrays.stream(MatchKind.values()).map(MatchKind::code),
              Stream.of(NewSignalVariables.MERGED))
          .toList();

  private static final List<String> END_REASONS =
      Arrays.stream(CaseEndReason.values()).map(CaseEndReason::code).toList();

  private static final Map<String, Contract> CONTRACTS =
      Map.of(
          PathwayMessages.NEW_SIGNAL,
              contract(
                  PathwayMessages.NEW_SIGNAL,
                  FieldRule.multiChoice(
                      PathwayVariables.RISK_DOMAINS, "Risicodomeinen", RISK_DOMAINS),
                  FieldRule.choice(
                      PathwayVariables.SIGNALLING_DISCIPLINE, "Discipline", Disciplines.ALL),
                  FieldRule.choice(NewSignalVariables.MATCH, "Koppeling", MATCHES)),
          PathwayMessages.START_REPORTING_CODE,
              contract(
                  PathwayMessages.START_REPORTING_CODE,
                  FieldRule.choice(
                      PathwayMessages.MELDCODE_STARTED_BY, "Discipline", Disciplines.ALL)),
          PathwayMessages.END_CASE,
              contract(
                  PathwayMessages.END_CASE,
                  FieldRule.choice(PathwayMessages.END_REASON, "Reden", END_REASONS)),
          PathwayMessages.WITHDRAW_CONSENT,
              contract(
                  PathwayMessages.WITHDRAW_CONSENT,
                  FieldRule.choice(
                      PathwayVariables.RECIPIENT_DISCIPLINE, "Discipline", Disciplines.ALL)),
          PathwayMessages.BIRTH_REPORTED,
              contract(
                  PathwayMessages.BIRTH_REPORTED,
                  FieldRule.date(PathwayMessages.BIRTH_DATE, "Geboortedatum")));

  private MessageContracts() {}

  /** The contract of a message; none (no variables) for a message Zorgpad's API does not send. */
  static Contract forMessage(String messageName) {
    Contract contract = messageName == null ? null : CONTRACTS.get(messageName);
    return contract != null
        ? contract
        : new Contract("message " + messageName, Map.of(), Contract.Scope.MESSAGE);
  }

  /** Zorgpad's pathways use no signals: a signal carries no variables. */
  static Contract forSignal(String signalName) {
    return new Contract("signal " + signalName, Map.of(), Contract.Scope.MESSAGE);
  }

  private static Contract contract(String name, FieldRule... fields) {
    return new Contract(
        "message " + name,
        Stream.of(fields)
            .collect(java.util.stream.Collectors.toMap(FieldRule::key, field -> field)),
        Contract.Scope.MESSAGE);
  }
}
