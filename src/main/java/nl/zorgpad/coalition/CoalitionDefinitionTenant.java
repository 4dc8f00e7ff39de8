package nl.zorgpad.coalition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The tenant in which a call activity or business rule task looks up what it calls: the case's
 * coalition when that coalition has its own definition with this key, else the shared one
 * (tenant null). The engine's own default looks only in the caller's tenant, which would break a
 * coalition that overrides just its main pathway; this is the resolution rule of decision 0005.
 */
final class CoalitionDefinitionTenant implements ParameterValueProvider {

  enum Kind {
    PROCESS,
    DECISION
  }

  private final BaseCallableElement callableElement;
  private final Kind kind;

  CoalitionDefinitionTenant(BaseCallableElement callableElement, Kind kind) {
    this.callableElement = callableElement;
    this.kind = kind;
  }

  @Override
  public Object getValue(VariableScope variableScope) {
    String coalition =
        variableScope instanceof DelegateExecution execution ? execution.getTenantId() : null;
    if (coalition == null) {
      return null;
    }
    String key = callableElement.getDefinitionKey(variableScope);
    CommandContext commandContext = Context.getCommandContext();
    boolean ownVariant =
        switch (kind) {
          case PROCESS ->
              commandContext
                      .getProcessDefinitionManager()
                      .findLatestProcessDefinitionByKeyAndTenantId(key, coalition)
                  != null;
          case DECISION ->
              commandContext
                      .getDecisionDefinitionManager()
                      .findLatestDecisionDefinitionByKeyAndTenantId(key, coalition)
                  != null;
        };
    return ownVariant ? coalition : null;
  }

  @Override
  public boolean isDynamic() {
    return true;
  }
}
