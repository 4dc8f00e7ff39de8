package nl.zorgpad.coalition;

import java.util.List;
import java.util.Objects;
import nl.zorgpad.access.NeedToKnow;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.casus.AccessGrant;
import nl.zorgpad.casus.DossierGuard;
import nl.zorgpad.casus.DossierPart;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Zorgpad's own case pages and dossier keep coalitions apart as the engine's tenant check keeps
 * its tasks apart (decision 0005): a case of coalition X is never opened for a user who is not a
 * member of X, whatever need-to-know would say (her discipline may be involved in X's case, or be
 * a candidate of one of its tasks, because disciplines are shared by all coalitions). Everything
 * else is {@link NeedToKnow}'s decision. A case's coalition is the tenant of its pathway instance.
 * The one {@link DossierGuard} of the application ({@link NeedToKnow} is not one: it decides
 * within a coalition only).
 */
@Component
class CoalitionDossierGuard implements DossierGuard {

  private final NeedToKnow needToKnow;
  private final ProcessEngineConfigurationImpl engine;

  CoalitionDossierGuard(NeedToKnow needToKnow, ProcessEngineConfigurationImpl engine) {
    this.needToKnow = needToKnow;
    this.engine = engine;
  }

  @Override
  public AccessGrant decide(String caseNumber, DossierPart part, Actor actor) {
    if (!Actor.SYSTEM.equals(actor.userId())) {
      String refusal =
          engine
              .getCommandExecutorTxRequired()
              .execute(
                  commandContext -> {
                    boolean tenantCheck = commandContext.isTenantCheckEnabled();
                    commandContext.disableTenantCheck();
                    try {
                      String coalition = coalitionOf(commandContext, caseNumber);
                      if (coalition == null
                          || CoalitionMembership.of(commandContext, actor.userId())
                              .contains(coalition)) {
                        return null;
                      }
                      return "case of coalition " + coalition + ", not hers";
                    } finally {
                      if (tenantCheck) {
                        commandContext.enableTenantCheck();
                      }
                    }
                  });
      if (refusal != null) {
        return AccessGrant.denyUnseen(refusal);
      }
    }
    return needToKnow.decide(caseNumber, part, actor);
  }

  /**
   * {@link #decide} for a page of cases: the coalitions of all the cases in one query, the
   * user's membership once, then {@link NeedToKnow#decideAll} for the cases of her coalitions.
   */
  @Override
  public java.util.Map<String, AccessGrant> decideAll(
      java.util.Collection<String> caseNumbers, DossierPart part, Actor actor) {
    java.util.Map<String, String> refusals = new java.util.HashMap<>();
    if (!Actor.SYSTEM.equals(actor.userId()) && !caseNumbers.isEmpty()) {
      engine
          .getCommandExecutorTxRequired()
          .execute(
              commandContext -> {
                boolean tenantCheck = commandContext.isTenantCheckEnabled();
                commandContext.disableTenantCheck();
                try {
                  java.util.Map<String, String> coalitions =
                      coalitionsOf(commandContext, caseNumbers);
                  if (!coalitions.isEmpty()) {
                    List<String> hers = CoalitionMembership.of(commandContext, actor.userId());
                    coalitions.forEach(
                        (caseNumber, coalition) -> {
                          if (!hers.contains(coalition)) {
                            refusals.put(
                                caseNumber, "case of coalition " + coalition + ", not hers");
                          }
                        });
                  }
                  return null;
                } finally {
                  if (tenantCheck) {
                    commandContext.enableTenantCheck();
                  }
                }
              });
    }
    List<String> ofHerCoalitions =
        caseNumbers.stream().filter(n -> !refusals.containsKey(n)).toList();
    java.util.Map<String, AccessGrant> decided = needToKnow.decideAll(ofHerCoalitions, part, actor);
    java.util.Map<String, AccessGrant> grants = new java.util.LinkedHashMap<>();
    for (String caseNumber : caseNumbers) {
      grants.put(
          caseNumber,
          refusals.containsKey(caseNumber)
              ? AccessGrant.denyUnseen(refusals.get(caseNumber))
              : decided.get(caseNumber));
    }
    return grants;
  }

  /** Case number → coalition (tenant of its first root instance with one), in one query. */
  private static java.util.Map<String, String> coalitionsOf(
      CommandContext commandContext, java.util.Collection<String> caseNumbers) {
    return commandContext.runWithoutAuthorization(
        () -> {
          HistoricProcessInstanceQueryImpl query = new HistoricProcessInstanceQueryImpl();
          query
              .processInstanceBusinessKeyIn(caseNumbers.toArray(String[]::new))
              .rootProcessInstances();
          java.util.Map<String, String> coalitions = new java.util.HashMap<>();
          for (HistoricProcessInstance root : query.executeList(commandContext, null)) {
            if (root.getTenantId() != null && root.getBusinessKey() != null) {
              coalitions.putIfAbsent(root.getBusinessKey(), root.getTenantId());
            }
          }
          return coalitions;
        });
  }

  private static String coalitionOf(CommandContext commandContext, String caseNumber) {
    return commandContext.runWithoutAuthorization(
        () -> {
          HistoricProcessInstanceQueryImpl query = new HistoricProcessInstanceQueryImpl();
          query.processInstanceBusinessKey(caseNumber).rootProcessInstances();
          List<HistoricProcessInstance> roots = query.executeList(commandContext, null);
          return roots.stream()
              .map(HistoricProcessInstance::getTenantId)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
        });
  }
}
