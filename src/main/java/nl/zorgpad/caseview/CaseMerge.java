package nl.zorgpad.caseview;

import java.util.List;
import java.util.Map;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.accesslog.CurrentActor;
import nl.zorgpad.casus.CaseEndReason;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseRegistry;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.DossierService.MergedCase;
import nl.zorgpad.intake.NewSignalVariables;
import nl.zorgpad.pathway.Deadlines;
import nl.zorgpad.pathway.PathwayMessages;
import nl.zorgpad.pathway.PathwayVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regiehouder merges a duplicate case into the case of the same woman that stays (decision
 * 0008), or detaches a signal that joined on a weaker match but was about another woman. Who may:
 * the regiehouder of both cases ({@link CaseOverviewService#mayReassign}).
 *
 * <p>Merging, in one transaction: the dossier takes the duplicate's people, signals and (when the
 * survivor has none) client data over ({@link DossierService#mergeInto}); the survivor's pathway
 * gets the message {@code NieuwSignaal} (re-triage, and the task "Nieuw signaal van …" for its
 * regiehouder); the duplicate's pathway gets {@code CasusBeeindigen} with reason
 * {@code dubbele-casus}, which closes it as "Gesloten (dubbele casus)". The messages are
 * correlated as the regiehouder (the operation log names her) with the engine's authorization
 * check off for those commands: the page decided who may.
 */
@Service
public class CaseMerge {

  private static final Logger LOG = LoggerFactory.getLogger(CaseMerge.class);

  private final DossierService dossier;
  private final CaseRegistry registry;
  private final CaseOverviewService overviews;
  private final CurrentActor currentActor;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engine;
  private final Deadlines deadlines;

  CaseMerge(
      DossierService dossier,
      CaseRegistry registry,
      CaseOverviewService overviews,
      CurrentActor currentActor,
      RuntimeService runtimeService,
      IdentityService identityService,
      ProcessEngineConfigurationImpl engine,
      Deadlines deadlines) {
    this.dossier = dossier;
    this.registry = registry;
    this.overviews = overviews;
    this.currentActor = currentActor;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.engine = engine;
    this.deadlines = deadlines;
  }

  /**
   * @throws AccessDeniedException when the user is not the regiehouder of both cases
   * @throws nl.zorgpad.casus.InvalidInputException when the cases cannot be merged
   */
  @Transactional
  public MergedCase merge(String survivorNumber, String duplicateNumber) {
    CaseFile survivor = dossier.readCase(survivorNumber);
    CaseFile duplicate = dossier.readCase(duplicateNumber);
    if (!overviews.mayReassign(survivor) || !overviews.mayReassign(duplicate)) {
      throw new CareCoordinatorOnly(
          "only the regiehouder of both cases merges them", "case.merge.forbidden");
    }
    MergedCase merged = dossier.mergeInto(duplicateNumber, survivorNumber);
    List<MessageCorrelationResult> told =
        correlate(
            survivorNumber,
            PathwayMessages.NEW_SIGNAL,
            Map.of(
                PathwayVariables.RISK_DOMAINS,
                    PathwayVariables.riskDomainsValue(merged.riskDomains()),
                PathwayVariables.SIGNALLING_DISCIPLINE, merged.signallingDiscipline(),
                NewSignalVariables.MATCH, NewSignalVariables.MERGED),
            true);
    if (told.isEmpty()) {
      LOG.warn(
          "Case {} waits for no new signal: the merge of {} is recorded in the dossier only",
          survivorNumber,
          duplicateNumber);
    }
    List<MessageCorrelationResult> ended =
        correlate(
            duplicateNumber,
            PathwayMessages.END_CASE,
            Map.of(PathwayVariables.END_REASON, CaseEndReason.DUPLICATE.code()),
            false);
    if (ended.isEmpty()) {
      // no pathway of the duplicate waits (any more): close its dossier directly
      registry.endEarly(duplicateNumber, CaseEndReason.DUPLICATE, deadlines.now());
    }
    LOG.info(
        "{} merged case {} into case {}",
        currentActor.get().userId(),
        duplicateNumber,
        survivorNumber);
    return merged;
  }

  /**
   * @throws AccessDeniedException when the user is not the case's regiehouder
   */
  @Transactional
  public void detach(String caseNumber, Long signalId) {
    CaseFile caseFile = dossier.readCase(caseNumber);
    if (!overviews.mayReassign(caseFile)) {
      throw new CareCoordinatorOnly(
          "only the case's regiehouder detaches a signal", "case.signals.detach.forbidden");
    }
    dossier.detachSignal(caseNumber, signalId);
  }

  private List<MessageCorrelationResult> correlate(
      String caseNumber, String message, Map<String, Object> variables, boolean toTriggeredScope) {
    Actor actor = currentActor.get();
    Authentication previous = identityService.getCurrentAuthentication();
    if (previous == null) {
      identityService.setAuthentication(actor.userId(), actor.groups());
    }
    try {
      return engine
          .getCommandExecutorTxRequired()
          .execute(
              context -> {
                // the dossier decided (regiehouder of both, same coalition): no engine check, no
                // tenant
                // check (the page's user carries no engine tenants)
                context.disableAuthorizationCheck();
                context.disableTenantCheck();
                try {
                  var correlation =
                      runtimeService
                          .createMessageCorrelation(message)
                          .processInstanceBusinessKey(caseNumber);
                  return (toTriggeredScope
                          ? correlation.setVariablesToTriggeredScope(Variables.fromMap(variables))
                          : correlation.setVariables(variables))
                      .correlateAllWithResult();
                } finally {
                  context.enableAuthorizationCheck();
                  context.enableTenantCheck();
                }
              });
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      }
    }
  }
}
