package nl.zorgpad.coalition;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Coalitions are engine tenants (decision 0005). This plugin gives the engine Zorgpad's rules for
 * them: a case gets its starter's coalition ({@link CoalitionTenantIdProvider}); call
 * activities and business rule tasks resolve in the case's coalition, else shared
 * ({@link CoalitionParseListener}); and so do forms ({@link CoalitionForms}); only members
 * deploy for a coalition ({@link CoalitionDeploymentCheck}). Without any tenant
 * the engine behaves exactly as before. Also used by the plain-engine tests
 * ({@code camunda.cfg.xml}).
 */
@Component
public class CoalitionEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new CoalitionTenantIdProvider());

    List<BpmnParseListener> parseListeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    parseListeners.add(new CoalitionParseListener());
    configuration.setCustomPostBPMNParseListeners(parseListeners);

    List<SessionFactory> sessionFactories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      sessionFactories.addAll(configuration.getCustomSessionFactories());
    }
    sessionFactories.add(new CoalitionForms.ManagerFactory());
    configuration.setCustomSessionFactories(sessionFactories);

    configuration.setFormService(new CoalitionForms.FormService());

    List<Deployer> preDeployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      preDeployers.addAll(configuration.getCustomPreDeployers());
    }
    preDeployers.add(new CoalitionDeploymentCheck());
    configuration.setCustomPreDeployers(preDeployers);
  }
}
