package nl.zorgpad.coalition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Gives a case its coalition. The engine asks only for instances of <em>shared</em> definitions
 * (a coalition's own definition gives its instances its tenant id itself):
 * <ul>
 *   <li>a called pathway (warm handover, MDO, …) belongs to the case that called it;</li>
 *   <li>a case started by a user belongs to her coalition; a user of the shared installation
 *       (no coalition) and the system start cases without a coalition;</li>
 *   <li>a user in two coalitions cannot start a case ({@link AmbiguousCoalitionException});</li>
 *   <li>a user whose coalition has its own variant of this pathway cannot start the shared one
 *       ({@link OwnVariantExistsException}): the Tasklist lists both.</li>
 * </ul>
 * A decision evaluated in a case belongs to the case's coalition.
 */
public class CoalitionTenantIdProvider implements TenantIdProvider {

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    if (ctx.getSuperCaseExecution() != null) {
      return ctx.getSuperCaseExecution().getTenantId();
    }
    CommandContext commandContext = Context.getCommandContext();
    String coalition = CoalitionMembership.singleOfAuthenticatedUser(commandContext);
    if (coalition != null) {
      String key = ctx.getProcessDefinition().getKey();
      if (commandContext
              .getProcessDefinitionManager()
              .findLatestProcessDefinitionByKeyAndTenantId(key, coalition)
          != null) {
        throw new OwnVariantExistsException(key, coalition);
      }
    }
    return coalition;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    if (ctx.getSuperCaseExecution() != null) {
      return ctx.getSuperCaseExecution().getTenantId();
    }
    return CoalitionMembership.singleOfAuthenticatedUser(Context.getCommandContext());
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext ctx) {
    DelegateExecution execution = ctx.getExecution();
    if (execution != null) {
      return execution.getTenantId();
    }
    if (ctx.getCaseExecution() != null) {
      return ctx.getCaseExecution().getTenantId();
    }
    // a decision evaluated on its own (REST, Cockpit): the evaluating user's coalition
    return CoalitionMembership.singleOfAuthenticatedUser(Context.getCommandContext());
  }
}
