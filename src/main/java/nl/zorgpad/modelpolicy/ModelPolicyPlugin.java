package nl.zorgpad.modelpolicy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Puts the model policy into the engine (decision 0006), so that no door can pass it by:
 * <ul>
 *   <li>the {@link ModelPolicyDeployer} as the first deployer of every deployment;</li>
 *   <li>the {@link PolicyExpressionManager}: only allowed beans resolve and every method call
 *       or property read passes the allow-list, also in definitions deployed before the
 *       policy;</li>
 *   <li>no script engine for any language ({@link NoScriptEngineResolver}), none fetched from a
 *       process application, and FEEL for DMN (no legacy JUEL default);</li>
 *   <li>{@link ModelPolicyParseListener}: a Java class outside the allow-list in an old
 *       definition becomes a step that refuses to run.</li>
 * </ul>
 * In the application the policy is the Spring bean ({@link ModelPolicyConfiguration}); in the
 * plain-engine tests ({@code camunda.cfg.xml}) the plugin builds it from the configuration's
 * beans map.
 */
@Component
public class ModelPolicyPlugin extends AbstractProcessEnginePlugin {

  private ModelPolicy policy;
  private ObjectMapper json;

  /**
   * For {@code camunda.cfg.xml} (no Spring context): the allowed beans are the marked entries of
   * its beans map; {@code json} reads forms.
   */
  public ModelPolicyPlugin(ObjectMapper json) {
    this.json = json;
  }

  @Autowired
  public ModelPolicyPlugin(ModelPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (policy == null) {
      policy = new ModelPolicy(PathwayBeans.of(configuration.getBeans()), json);
    }
    List<Deployer> preDeployers = new ArrayList<>();
    preDeployers.add(new ModelPolicyDeployer(policy));
    if (configuration.getCustomPreDeployers() != null) {
      preDeployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(preDeployers);

    configuration.setExpressionManager(new PolicyExpressionManager(policy.beans()));
    configuration.setScriptEngineResolver(new NoScriptEngineResolver());
    configuration.setEnableFetchScriptEngineFromProcessApplication(false);
    configuration.setDmnFeelEnableLegacyBehavior(false);

    List<BpmnParseListener> parseListeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    parseListeners.add(new ModelPolicyParseListener(policy.beans()));
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }

  public ModelPolicy policy() {
    return policy;
  }
}
