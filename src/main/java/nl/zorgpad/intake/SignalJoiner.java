package nl.zorgpad.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.zorgpad.casus.CaseClosedException;
import nl.zorgpad.casus.CaseRegistry;
import nl.zorgpad.casus.JoinedCase;
import nl.zorgpad.casus.JoinedCase.ContactPoint;
import nl.zorgpad.casus.SignalMatchesOpenCase;
import nl.zorgpad.pathway.PathwayMessages;
import nl.zorgpad.pathway.PathwayVariables;
import nl.zorgpad.socialmap.Contact;
import nl.zorgpad.socialmap.TeamRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joins a signal to the open case of the same woman (decision 0008), in one new transaction: the
 * dossier records the signal and involves the signaller ({@link CaseRegistry#joinOpenCase}), and
 * the case's pathway gets the message {@code NieuwSignaal} — its event subprocess
 * {@code Sub_NewSignal} triages again and gives the regiehouder (or the first signaller) the task
 * "Nieuw signaal van …". The message's variables go to that subprocess only (triggered scope):
 * the case keeps its first signalling discipline, the re-triage reads the risk domains of all
 * signals together.
 *
 * <p>The correlation runs as the signaller (the operation log names her) with the engine's
 * authorization check off for that one command: she may not yet read the case's instance — the
 * match, decided in the dossier, is the authorization (as for the case messages of the API).
 */
@Component
class SignalJoiner {

  private static final Logger LOG = LoggerFactory.getLogger(SignalJoiner.class);
  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  private static final int ATTEMPTS = 3;

  private final CaseRegistry registry;
  private final ProcessEngineConfigurationImpl engine;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final TeamRepository teams;
  private final MessageSource messages;
  private final TransactionTemplate readOnly;

  SignalJoiner(
      CaseRegistry registry,
      ProcessEngineConfigurationImpl engine,
      RuntimeService runtimeService,
      IdentityService identityService,
      TeamRepository teams,
      MessageSource messages,
      PlatformTransactionManager transactionManager) {
    this.registry = registry;
    this.engine = engine;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.teams = teams;
    this.messages = messages;
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  /**
   * @return the answer for the signaller; empty when the case closed in the meantime (then the
   *     signal opens a new case after all)
   */
  Optional<SignalJoinedOpenCase> join(SignalMatchesOpenCase match) {
    for (int attempt = 1; ; attempt++) {
      try {
        JoinedCase joined =
            engine
                .getCommandExecutorTxRequiresNew()
                .execute(context -> joinAndTell(context, match));
        LOG.info(
            "Signal by {} ({}) joined open case {} on match {}{}",
            match.source().userId(),
            match.signal().signallingDiscipline(),
            joined.caseNumber(),
            joined.kind().code(),
            joined.repeated() ? " (sent again, nothing new recorded)" : "");
        return Optional.of(new SignalJoinedOpenCase(joined, answer(joined)));
      } catch (CaseClosedException closed) {
        LOG.info(
            "Open case {} closed before the signal could join it", match.outcome().caseNumber());
        return Optional.empty();
      } catch (OptimisticLockingException concurrent) {
        // another signal joined the same case at the same moment: try again on fresh data
        if (attempt >= ATTEMPTS) {
          throw concurrent;
        }
      }
    }
  }

  private JoinedCase joinAndTell(CommandContext context, SignalMatchesOpenCase match) {
    JoinedCase joined =
        registry.joinOpenCase(match.outcome(), match.signal(), match.source(), match.signalledAt());
    if (joined.repeated()) {
      return joined;
    }
    VariableMap variables =
        Variables.createVariables()
            .putValueTyped(
                PathwayVariables.RISK_DOMAINS,
                PathwayVariables.riskDomainsValue(joined.riskDomains()))
            .putValue(PathwayVariables.SIGNALLING_DISCIPLINE, match.signal().signallingDiscipline())
            .putValue(NewSignalVariables.MATCH, joined.kind().code());
    context.disableAuthorizationCheck();
    try {
      List<MessageCorrelationResult> told =
          runtimeService
              .createMessageCorrelation(PathwayMessages.NEW_SIGNAL)
              .processInstanceBusinessKey(joined.caseNumber())
              .setVariablesToTriggeredScope(variables)
              .correlateAllWithResult();
      if (told.isEmpty()) {
        LOG.warn(
            "Case {} is open in the dossier but no process of it waits for {}: the signal"
                + " is recorded, the pathway is not told",
            joined.caseNumber(),
            PathwayMessages.NEW_SIGNAL);
      }
    } finally {
      context.enableAuthorizationCheck();
    }
    return joined;
  }

  /** The Dutch answer: her case, and whom to contact; nothing from her dossier. */
  String answer(JoinedCase joined) {
    String contact = readOnly.execute(status -> describe(joined.contact()));
    String text =
        messages.getMessage(
            joined.repeated() ? "signal.joined.repeated" : "signal.joined",
            new Object[] {joined.caseNumber(), contact},
            DUTCH);
    if (!joined.kind().strong()) {
      text += " " + messages.getMessage("signal.joined.weak", null, DUTCH);
    }
    return text;
  }

  /** "de regiehouder Sanne Meijer (Regiehouders Buurtteams Utrecht: Esther Vos, 06-…)". */
  private String describe(ContactPoint contact) {
    List<String> parts = new ArrayList<>();
    parts.add(
        messages.getMessage(
            contact.careCoordinator()
                ? "signal.joined.careCoordinator"
                : "signal.joined.firstSignaller",
            null,
            DUTCH));
    if (contact.userId() != null) {
      User user = identityService.createUserQuery().userId(contact.userId()).singleResult();
      if (user != null) {
        parts.add(String.join(" ", nonBlank(user.getFirstName(), user.getLastName())));
      }
    }
    String who = String.join(" ", parts);
    Optional<String> team =
        Optional.ofNullable(contact.groupId())
            .flatMap(teams::findByGroupId)
            .map(
                found -> {
                  List<String> details = new ArrayList<>();
                  for (Contact person : found.getContacts()) {
                    details.add(
                        String.join(
                            ", ",
                            nonBlank(person.getName(), person.getPhone(), person.getSecureMail())));
                  }
                  return found.getName()
                      + (details.isEmpty() ? "" : ": " + String.join("; ", details));
                });
    return team.map(description -> who + " (" + description + ")").orElse(who);
  }

  private static List<String> nonBlank(String... values) {
    List<String> result = new ArrayList<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        result.add(value.strip());
      }
    }
    return result;
  }
}
